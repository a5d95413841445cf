package fr.lianes.repertoire.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chunks of a list read several at once, their entries handed on in the list's order;
 * never more chunks read at a time than asked; a chunk without a thread read by the
 * caller; a failure thrown in its place; a stopped list waits for the chunks being read.
 */
class ChunkReadsTests {

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	ChunkReadsTests() {
		this.executor.setCorePoolSize(4);
		this.executor.setMaxPoolSize(4);
		this.executor.setQueueCapacity(0);
		this.executor.setThreadNamePrefix("chunk-reads-test-");
		this.executor.initialize();
	}

	@AfterEach
	void stop() {
		this.executor.shutdown();
	}

	/** Chunks 0..count-1, chunk c holding the entries c*10 .. c*10+9. */
	private static Consumer<Consumer<Integer>> chunks(int count) {
		return (each) -> IntStream.range(0, count).forEach(each::accept);
	}

	@Test
	void theEntriesOfChunksReadAtOnceComeInTheListsOrder() {
		AtomicInteger reading = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		Set<String> readers = ConcurrentHashMap.newKeySet();
		List<Integer> written = new ArrayList<>();
		ChunkReads.<Integer, Integer>each(this.executor, 2, chunks(40), (chunk, entries) -> {
			mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
			readers.add(Thread.currentThread().getName());
			// later chunks end first as often as not
			for (int i = 0; i < 10; i++) {
				if ((chunk + i) % 3 == 0) {
					Thread.yield();
				}
				entries.accept(chunk * 10 + i);
			}
			reading.decrementAndGet();
		}, written::add);
		assertThat(written).hasSize(400).isSorted().doesNotHaveDuplicates();
		assertThat(mostAtOnce.get()).isBetween(1, 2);
		assertThat(readers).allMatch((name) -> name.startsWith("chunk-reads-test-"));
	}

	@Test
	void twoChunksAreReadAtTheSameTime() throws InterruptedException {
		CountDownLatch bothReading = new CountDownLatch(2);
		List<Integer> written = Collections.synchronizedList(new ArrayList<>());
		ChunkReads.<Integer, Integer>each(this.executor, 2, chunks(2), (chunk, entries) -> {
			bothReading.countDown();
			try {
				// chunk 0 cannot end unless chunk 1 is read beside it
				assertThat(bothReading.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			entries.accept(chunk);
		}, written::add);
		assertThat(written).containsExactly(0, 1);
	}

	@Test
	void withoutAThreadFreeTheCallerReadsTheChunksItselfInOrder() {
		List<String> threads = new ArrayList<>();
		List<Integer> written = new ArrayList<>();
		ChunkReads.<Integer, Integer>each((task) -> {
			throw new TaskRejectedException("busy");
		}, 2, chunks(5), (chunk, entries) -> {
			threads.add(Thread.currentThread().getName());
			entries.accept(chunk);
		}, written::add);
		assertThat(written).containsExactly(0, 1, 2, 3, 4);
		assertThat(threads).containsOnly(Thread.currentThread().getName());
	}

	@Test
	void aChunksFailureIsThrownAfterTheEntriesBeforeIt() {
		List<Integer> written = new ArrayList<>();
		AtomicInteger readsUnderWay = new AtomicInteger();
		assertThatThrownBy(() -> ChunkReads.<Integer, Integer>each(this.executor, 2, chunks(10), (chunk, entries) -> {
			readsUnderWay.incrementAndGet();
			try {
				if (chunk == 4) {
					throw new IllegalStateException("the database went away");
				}
				entries.accept(chunk);
			}
			finally {
				readsUnderWay.decrementAndGet();
			}
		}, written::add)).isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
		assertThat(written).containsExactly(0, 1, 2, 3);
		assertThat(readsUnderWay.get()).isZero();
	}

	@Test
	void aStoppedListWaitsForTheChunksBeingReadWhichStop() {
		AtomicInteger entriesRead = new AtomicInteger();
		AtomicInteger readsUnderWay = new AtomicInteger();
		assertThatThrownBy(() -> ChunkReads.<Integer, Integer>each(this.executor, 2, chunks(1000), (chunk, entries) -> {
			readsUnderWay.incrementAndGet();
			try {
				for (int i = 0; i < 100_000; i++) {
					entriesRead.incrementAndGet();
					entries.accept(chunk);
				}
			}
			finally {
				readsUnderWay.decrementAndGet();
			}
		}, (entry) -> {
			if (entry == 1) {
				throw new IllegalStateException("the client went away");
			}
		})).hasMessage("the client went away");
		// no read outlives its list, and the reads under way stopped rather than ran on
		assertThat(readsUnderWay.get()).isZero();
		assertThat(entriesRead.get()).isLessThan(1000 * 100_000);
	}

}
