package fr.lianes.repertoire.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A list read on another thread while the calling thread writes it: every entry in its
 * order, the reader never more than its bound ahead, and a writer that stops (a client
 * gone) stops its reader, which lets go of what it holds before the writer returns.
 */
class ReadAheadTests {

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	ReadAheadTests() {
		this.executor.setCorePoolSize(1);
		this.executor.setMaxPoolSize(1);
		this.executor.setQueueCapacity(0);
		this.executor.setThreadNamePrefix("read-ahead-test-");
		this.executor.initialize();
	}

	@AfterEach
	void stop() {
		this.executor.shutdown();
	}

	@Test
	void everyEntryIsWrittenInItsOrderByTheCallingThreadWhileAnotherReadsThem() {
		List<Integer> written = new ArrayList<>();
		AtomicReference<Thread> reader = new AtomicReference<>();
		ReadAhead.<Integer>run(this.executor, 7, (read) -> {
			reader.set(Thread.currentThread());
			for (int i = 0; i < 1000; i++) {
				read.accept(i);
			}
		}, (Integer entry) -> {
			assertThat(Thread.currentThread()).isNotSameAs(reader.get());
			written.add(entry);
		});
		assertThat(written).hasSize(1000).isSorted().doesNotHaveDuplicates();
		assertThat(reader.get().getName()).startsWith("read-ahead-test-");
		// the pool counts its thread active until just after the reader's end: wait for
		// it
		await().atMost(Duration.ofSeconds(10)).until(() -> this.executor.getActiveCount() == 0);
	}

	@Test
	void theReaderGoesAheadOfItsWriterButNoFurtherThanItsBound() {
		int ahead = 100;
		int batch = ahead / ReadAhead.BATCHES;
		AtomicInteger read = new AtomicInteger();
		AtomicReference<Thread> reader = new AtomicReference<>();
		List<Integer> written = new ArrayList<>();
		ReadAhead.<Integer>run(this.executor, ahead, (each) -> {
			reader.set(Thread.currentThread());
			for (int i = 0; i < 10_000; i++) {
				read.incrementAndGet();
				each.accept(i);
			}
		}, (Integer entry) -> {
			if (written.isEmpty()) {
				// the writer is slow: the reader fills what it may, then waits for room
				await().atMost(Duration.ofSeconds(10))
					.until(() -> reader.get().getState() == Thread.State.TIMED_WAITING);
				assertThat(read.get()).isGreaterThanOrEqualTo(ahead).isLessThanOrEqualTo(ahead + 2 * batch);
			}
			assertThat(read.get() - written.size()).isLessThanOrEqualTo(ahead + 2 * batch);
			written.add(entry);
		});
		assertThat(written).hasSize(10_000).isSorted();
	}

	@Test
	void aWriterThatFailsStopsItsReaderWhichLetsGoBeforeTheWriterReturns() {
		AtomicBoolean closed = new AtomicBoolean();
		AtomicInteger written = new AtomicInteger();
		assertThatThrownBy(() -> ReadAhead.<Integer>run(this.executor, 50, (read) -> {
			try {
				// an endless list: only the writer's failure ends it
				for (int i = 0;; i++) {
					read.accept(i);
				}
			}
			finally {
				closed.set(true);
			}
		}, (Integer entry) -> {
			if (written.incrementAndGet() == 120) {
				throw new UncheckedIOException(new IOException("Broken pipe"));
			}
		})).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("Broken pipe");
		assertThat(closed).isTrue();
		// the pool counts its thread active until just after the reader's end: wait for
		// it
		await().atMost(Duration.ofSeconds(10)).until(() -> this.executor.getActiveCount() == 0);
		assertThat(written).hasValue(120);
		// its thread is free for the next list
		List<Integer> next = new ArrayList<>();
		ReadAhead.<Integer>run(this.executor, 50, (read) -> read.accept(1), next::add);
		assertThat(next).containsExactly(1);
	}

	@Test
	void aReaderThatFailsHasItsEntriesWrittenThenItsFailureThrownByTheWriter() {
		List<Integer> written = new ArrayList<>();
		assertThatThrownBy(() -> ReadAhead.<Integer>run(this.executor, 10, (read) -> {
			for (int i = 0; i < 25; i++) {
				read.accept(i);
			}
			throw new IllegalStateException("database gone");
		}, written::add)).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
		assertThat(written).hasSize(25).isSorted();
		// the pool counts its thread active until just after the reader's end: wait for
		// it
		await().atMost(Duration.ofSeconds(10)).until(() -> this.executor.getActiveCount() == 0);
	}

	@Test
	void withoutAThreadFreeTheCallingThreadReadsAndWritesAlone() {
		List<String> threads = new ArrayList<>();
		ReadAhead.<Integer>run((task) -> {
			throw new TaskRejectedException("busy");
		}, 10, (read) -> {
			for (int i = 0; i < 30; i++) {
				read.accept(i);
			}
		}, (Integer entry) -> threads.add(Thread.currentThread().getName()));
		assertThat(threads).hasSize(30).containsOnly(Thread.currentThread().getName());
	}

}
