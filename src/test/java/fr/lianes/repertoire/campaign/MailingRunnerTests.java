package fr.lianes.repertoire.campaign;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import fr.lianes.repertoire.campaign.MailingBatches.Requested;
import fr.lianes.repertoire.campaign.MailingBatches.Start;
import fr.lianes.repertoire.census.Campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The mailings' thread: batches one after the other until none is left, and when the
 * application stops, the batch under way finishes and no other starts (the mailing is
 * taken up at the next start).
 */
class MailingRunnerTests {

	private static final long MAILING = 7;

	private final MailingBatches batches = mock(MailingBatches.class);

	private final Mailings mailings = mock(Mailings.class);

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	private MailingRunner runner;

	private final Campaign campaign = new Campaign(1, "Recensement", LocalDate.of(2026, 1, 1),
			LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 1), true);

	@BeforeEach
	void start() {
		this.executor.setCorePoolSize(1);
		this.executor.setMaxPoolSize(1);
		this.executor.initialize();
		this.runner = new MailingRunner(this.batches, this.mailings, this.executor);
		given(this.batches.request(any(), any(), anyBoolean(), anyString()))
			.willReturn(new Requested(Start.STARTED, MAILING, 600));
	}

	@AfterEach
	void stop() {
		this.executor.shutdown();
	}

	@Test
	void aMailingRunsItsBatchesUntilNoActorIsLeft() {
		given(this.batches.next(MAILING)).willReturn(200, 200, 200, 0);
		this.runner.request(this.campaign, MailingKind.INVITATION, false, "moderatrice@example.org");
		await().atMost(Duration.ofMinutes(1)).until(() -> !this.runner.isRunningHere(MAILING));
		verify(this.batches, times(4)).next(MAILING);
		verify(this.mailings, never()).interrupted(anyLong(), anyString());
	}

	@Test
	void whenTheApplicationStopsTheBatchUnderWayFinishesAndNoOtherStarts() throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		given(this.batches.next(MAILING)).willAnswer((invocation) -> {
			entered.countDown();
			assertThat(release.await(1, TimeUnit.MINUTES)).isTrue();
			return 200;
		});
		this.runner.request(this.campaign, MailingKind.INVITATION, false, "moderatrice@example.org");
		assertThat(entered.await(1, TimeUnit.MINUTES)).isTrue();
		this.runner.stopping();
		release.countDown();
		await().atMost(Duration.ofMinutes(1)).until(() -> !this.runner.isRunningHere(MAILING));
		verify(this.batches, times(1)).next(MAILING);
		verify(this.mailings, never()).interrupted(anyLong(), anyString());
		// nothing more starts once the application stops
		this.runner.resume(MAILING);
		assertThat(this.runner.isRunningHere(MAILING)).isFalse();
	}

}
