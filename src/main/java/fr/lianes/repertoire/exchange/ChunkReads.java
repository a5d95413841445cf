package fr.lianes.repertoire.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;

/**
 * The chunks of a whole list read by several database connections at once, their entries
 * handed on in the list's order. A chunk's query keeps one PostgreSQL process busy, and
 * that process, not the application, was what a whole download waited for (at 100x, 85 to
 * 95 % of a core for the actors' query against 15 to 25 % for the application formatting
 * them): two chunks read at once use both cores.
 * <p>
 * At most {@code atOnce} chunks are read at a time, each into a list of its entries:
 * memory holds that many chunks, whatever the list's length. A chunk the executor has no
 * thread for is read on the calling thread, after the chunks before it. When the consumer
 * of the entries fails (its download was stopped), the chunks being read are told to stop
 * and waited for: no read outlives its list.
 */
final class ChunkReads {

	private ChunkReads() {
	}

	/**
	 * Gives {@code each} every entry of the chunks, chunk after chunk in their order.
	 * @param executor the threads that read chunks beside the calling thread
	 * @param atOnce chunks read at a time
	 * @param chunks gives every chunk of the list, in its order, to the consumer it is
	 * given
	 * @param read gives every entry of one chunk, in its order, to the consumer it is
	 * given
	 * @param each takes every entry of the list, in its order, on the calling thread
	 */
	static <C, T> void each(TaskExecutor executor, int atOnce, Consumer<Consumer<C>> chunks,
			BiConsumer<C, Consumer<T>> read, Consumer<T> each) {
		AtomicBoolean stopped = new AtomicBoolean();
		Deque<CompletableFuture<List<T>>> reading = new ArrayDeque<>();
		try {
			chunks.accept((chunk) -> {
				if (reading.size() >= Math.max(1, atOnce)) {
					handOn(reading.removeFirst(), each);
				}
				CompletableFuture<List<T>> entries = new CompletableFuture<>();
				try {
					executor.execute(() -> readInto(chunk, read, stopped, entries));
					reading.addLast(entries);
				}
				catch (TaskRejectedException ex) {
					while (!reading.isEmpty()) {
						handOn(reading.removeFirst(), each);
					}
					read.accept(chunk, each);
				}
			});
			while (!reading.isEmpty()) {
				handOn(reading.removeFirst(), each);
			}
		}
		finally {
			stopped.set(true);
			for (CompletableFuture<List<T>> entries : reading) {
				try {
					entries.join();
				}
				catch (CompletionException ex) {
					// the list failed or was stopped already: this chunk's entries are
					// not wanted
				}
			}
		}
	}

	private static <C, T> void readInto(C chunk, BiConsumer<C, Consumer<T>> read, AtomicBoolean stopped,
			CompletableFuture<List<T>> entries) {
		try {
			List<T> found = new ArrayList<>();
			read.accept(chunk, (entry) -> {
				if (stopped.get()) {
					throw new Stopped();
				}
				found.add(entry);
			});
			entries.complete(found);
		}
		catch (Throwable ex) {
			entries.completeExceptionally(ex);
		}
	}

	private static <T> void handOn(CompletableFuture<List<T>> entries, Consumer<T> each) {
		List<T> chunk;
		try {
			chunk = entries.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
		chunk.forEach(each);
	}

	/** Unwinds a chunk's read when its list has stopped. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

}
