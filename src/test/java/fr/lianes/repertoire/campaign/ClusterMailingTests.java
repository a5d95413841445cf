package fr.lianes.repertoire.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.lianes.repertoire.testing.ProductionStartTest;
import fr.lianes.repertoire.campaign.MailingBatches.Requested;
import fr.lianes.repertoire.campaign.MailingBatches.Start;
import fr.lianes.repertoire.census.Campaign;
import fr.lianes.repertoire.census.Campaigns;
import fr.lianes.repertoire.cluster.TwoInstances;
import fr.lianes.repertoire.directory.ConsentChannel;
import fr.lianes.repertoire.directory.EntryCommands.ActorFields;
import fr.lianes.repertoire.directory.EntryCommands.ApplyResponse;
import fr.lianes.repertoire.directory.EntryCommands.Audit;
import fr.lianes.repertoire.directory.EntryCommands.Consent;
import fr.lianes.repertoire.directory.Entries;
import fr.lianes.repertoire.mail.MailOutbox;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.time.TestClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign's invitations sent while two instances on one PostgreSQL both run the
 * mailing (one asked for it, the other took it up as it does at its start): their batches
 * take the mailing's row lock one after the other, and every actor gets one invitation.
 */
class ClusterMailingTests {

	private static final int ACTORS = 40;

	/** The INSEE code of Lille. */
	private static final String LILLE = "59350";

	private final TwoInstances cluster = TwoInstances.get();

	@Test
	void aMailingRunWithBothInstancesAliveSendsEachMailOnce() {
		ConfigurableApplicationContext a = this.cluster.a();
		ConfigurableApplicationContext b = this.cluster.b();
		String run = UUID.randomUUID().toString().substring(0, 8);
		Entries entries = a.getBean(Entries.class);
		String type = a.getBean(ReferenceData.class).actorTypes().get(0).code();
		Instant now = TestClock.get().instant();
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < ACTORS; i++) {
			String email = "grappe-" + run + "-" + i + "@asso.example";
			addresses.add(email);
			entries.applyResponse(new ApplyResponse(null,
					new ActorFields("Association " + run + " numéro " + i, null, type, null, null, null, null, LILLE,
							null, email, null, null, null, List.of()),
					List.of(), List.of(), true, null, new Consent("test", "2026-11", ConsentChannel.STAFF, now),
					Audit.of("test", List.of())));
		}
		LocalDate today = LocalDate.now(TestClock.get());
		Campaigns campaigns = a.getBean(Campaigns.class);
		int campaignId = campaigns.open("Recensement en grappe " + run, today.minusDays(1), today.plusDays(30), today);
		Campaign campaign = campaigns.find(campaignId).orElseThrow();

		Requested requested = a.getBean(MailingRunner.class)
			.request(campaign, MailingKind.INVITATION, false, TwoInstances.ADMIN_EMAIL);
		assertThat(requested.start()).isEqualTo(Start.STARTED);
		// the instances' database is shared by the cluster's test classes: actors another
		// class left there (reachable too) are invited with these
		long planned = requested.planned();
		assertThat(planned).isGreaterThanOrEqualTo(ACTORS);
		// the other instance takes the unfinished mailing up, as it would at its start
		b.getBean(MailingRunner.class).resume(requested.mailingId());

		JdbcClient jdbc = a.getBean(JdbcClient.class);
		MailOutbox outbox = a.getBean(MailOutbox.class);
		String prefix = "campaign:" + campaignId + "/";
		await().atMost(Duration.ofMinutes(3))
			.until(() -> jdbc.sql("select finished_at is not null from campaign_mailing where id = ?")
				.param(requested.mailingId())
				.query(Boolean.class)
				.single() && outbox.statusOf(prefix).pending() == 0);
		assertThat(jdbc.sql("select count(*), count(distinct actor_id) from campaign_recipient where mailing_id = ?")
			.param(requested.mailingId())
			.query((rs, i) -> List.of(rs.getInt(1), rs.getInt(2)))
			.single()).containsExactly((int) planned, (int) planned);
		assertThat(outbox.statusOf(prefix).sent()).isEqualTo(planned);
		await().atMost(Duration.ofMinutes(1))
			.until(() -> receivedBy(addresses).values().stream().mapToLong(Long::longValue).sum() >= ACTORS);
		Map<String, Long> received = receivedBy(addresses);
		assertThat(received).hasSize(ACTORS).allSatisfy((address, count) -> assertThat(count).as(address).isOne());
	}

	/** How many mails each of these addresses received. */
	private static Map<String, Long> receivedBy(List<String> addresses) {
		return Arrays.stream(ProductionStartTest.SMTP.getReceivedMessages())
			.map(ClusterMailingTests::recipient)
			.filter(addresses::contains)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
