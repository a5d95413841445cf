package fr.lianes.repertoire.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;

/**
 * A whole list read on another thread while the calling thread writes it: the database
 * reads the next entries while the application formats and sends the previous ones, the
 * two working side by side. The reader hands its entries over in batches through a
 * bounded queue: it is never more than {@code ahead} entries (and the batch it fills)
 * before the writer, whatever the list's length.
 * <p>
 * When the writer stops (the client went away: a broken pipe, or any other failure), the
 * reader stops at its next entry or hand-over, and the writer waits for it to have let go
 * of its connection before it returns: no reader outlives its download. A failure of the
 * reader is thrown by the writer, after the entries read before it are written.
 */
final class ReadAhead {

	/** Batches a reader may be ahead of its writer. */
	static final int BATCHES = 10;

	/** How often a reader waiting for room checks whether its writer has stopped. */
	private static final long WAIT_MS = 100;

	private static final Object END = new Object();

	private ReadAhead() {
	}

	/**
	 * Reads the list on the executor and writes each of its entries, in the list's order,
	 * on the calling thread. On the calling thread alone when the executor has no thread
	 * free.
	 * @param ahead entries the reader may have read and the writer not yet taken
	 * @param read gives every entry of the list, in its order, to the consumer it is
	 * given
	 * @param write writes one entry
	 */
	static <T> void run(TaskExecutor executor, int ahead, Consumer<Consumer<T>> read, Consumer<T> write) {
		int batch = Math.max(1, ahead / BATCHES);
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
		AtomicBoolean stopped = new AtomicBoolean();
		CompletableFuture<Void> done = new CompletableFuture<>();
		try {
			executor.execute(() -> read(read, batch, queue, stopped, done));
		}
		catch (TaskRejectedException ex) {
			read.accept(write);
			return;
		}
		try {
			write(queue, write);
		}
		finally {
			stopped.set(true);
			queue.clear();
			done.join();
		}
	}

	private static <T> void read(Consumer<Consumer<T>> read, int batch, BlockingQueue<Object> queue,
			AtomicBoolean stopped, CompletableFuture<Void> done) {
		try {
			List<List<T>> filling = new ArrayList<>(1);
			filling.add(new ArrayList<>(batch));
			read.accept((entry) -> {
				if (stopped.get()) {
					throw new Stopped();
				}
				List<T> entries = filling.get(0);
				entries.add(entry);
				if (entries.size() == batch) {
					hand(queue, entries, stopped);
					filling.set(0, new ArrayList<>(batch));
				}
			});
			if (!filling.get(0).isEmpty()) {
				hand(queue, filling.get(0), stopped);
			}
			hand(queue, END, stopped);
		}
		catch (Stopped ex) {
			// the writer stopped first: nobody waits for the rest
		}
		catch (Throwable ex) {
			try {
				hand(queue, new Failure(ex), stopped);
			}
			catch (Stopped stoppedMeanwhile) {
				// the writer stopped first
			}
		}
		finally {
			done.complete(null);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> void write(BlockingQueue<Object> queue, Consumer<T> write) {
		while (true) {
			Object item;
			try {
				item = queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the list's next entries", ex);
			}
			if (item == END) {
				return;
			}
			if (item instanceof Failure failure) {
				throw failure.unchecked();
			}
			for (T entry : (List<T>) item) {
				write.accept(entry);
			}
		}
	}

	/** Puts into the queue, waiting for room as long as the writer has not stopped. */
	private static void hand(BlockingQueue<Object> queue, Object item, AtomicBoolean stopped) {
		try {
			while (!queue.offer(item, WAIT_MS, TimeUnit.MILLISECONDS)) {
				if (stopped.get()) {
					throw new Stopped();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Stopped();
		}
	}

	/** What ended the reader, for its writer to throw. */
	private record Failure(Throwable cause) {

		RuntimeException unchecked() {
			if (this.cause instanceof RuntimeException runtime) {
				return runtime;
			}
			if (this.cause instanceof Error error) {
				throw error;
			}
			return new IllegalStateException(this.cause);
		}

	}

	/** Unwinds a reader whose writer has stopped, closing what it holds on its way. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

}
