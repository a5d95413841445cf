package fr.lianes.repertoire.campaign;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import fr.lianes.repertoire.campaign.CensusCampaigns.Campaign;
import fr.lianes.repertoire.campaign.MailingBatches.Requested;
import fr.lianes.repertoire.campaign.MailingBatches.Start;

/**
 * Runs the mailings on one background thread, never on a request's: a batch per
 * transaction until every actor is dealt with. The mails leave through the outbox's own
 * dispatcher, as their batches commit. Mailings left unfinished (the application stopped,
 * a batch failed) are taken up again when the application starts.
 */
@Component
class MailingRunner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MailingRunner.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	private final MailingBatches batches;

	private final Mailings mailings;

	/** The mailings waiting for the thread or running on it. */
	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	private volatile ExecutorService executor;

	MailingRunner(MailingBatches batches, Mailings mailings) {
		this.batches = batches;
		this.mailings = mailings;
	}

	/** Records a mailing and starts it; returns at once. */
	Requested request(Campaign campaign, MailingKind kind, boolean includeDormant, String requestedBy) {
		Requested requested = this.batches.request(campaign, kind, includeDormant, requestedBy);
		if (requested.start() == Start.STARTED) {
			submit(requested.mailingId());
		}
		return requested;
	}

	/** Takes up an unfinished mailing again, unless it is already running here. */
	void resume(long mailingId) {
		submit(mailingId);
	}

	/** Whether this instance is running the mailing or about to. */
	boolean isRunningHere(long mailingId) {
		return this.queued.contains(mailingId);
	}

	private void submit(long mailingId) {
		ExecutorService current = this.executor;
		if (current == null || !this.queued.add(mailingId)) {
			return;
		}
		try {
			current.execute(() -> {
				try {
					run(mailingId);
				}
				finally {
					this.queued.remove(mailingId);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.queued.remove(mailingId);
		}
	}

	private void run(long mailingId) {
		long started = System.nanoTime();
		int actors = 0;
		try {
			while (this.executor != null && !Thread.currentThread().isInterrupted()) {
				int done = this.batches.next(mailingId);
				if (done == 0) {
					logger.info("Mailing #{}: {} actor(s) dealt with in {} ms", mailingId, actors,
							TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
					return;
				}
				actors += done;
			}
			logger.info("Mailing #{} paused after {} actor(s): the application stops", mailingId, actors);
		}
		catch (RuntimeException ex) {
			logger.error("Mailing #{} interrupted after {} actor(s), taken up again at the next start", mailingId,
					actors, ex);
			// the page names the kind of error only: its details (SQL, addresses) stay in
			// the log
			String error = ex.getClass().getSimpleName();
			this.mailings.interrupted(mailingId,
					(error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error);
		}
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "campaign-mailing");
			thread.setDaemon(true);
			return thread;
		});
		for (long id : this.mailings.unfinished()) {
			logger.info("Taking up unfinished mailing #{}", id);
			submit(id);
		}
	}

	@Override
	public void stop() {
		ExecutorService current = this.executor;
		this.executor = null;
		if (current == null) {
			return;
		}
		// the batch under way finishes; the mailing goes on at the next start
		current.shutdown();
		try {
			if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
				current.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			current.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
