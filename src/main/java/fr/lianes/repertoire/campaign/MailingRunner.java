package fr.lianes.repertoire.campaign;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

import fr.lianes.repertoire.census.Campaign;
import fr.lianes.repertoire.campaign.MailingBatches.Requested;
import fr.lianes.repertoire.campaign.MailingBatches.Start;

/**
 * Runs the mailings on their executor ({@code campaignMailingExecutor}, one thread),
 * never on a request's: a batch per transaction until every actor is dealt with. The
 * mails leave through the outbox's own dispatcher, as their batches commit. When the
 * application stops, the batch under way finishes and the mailing pauses; mailings left
 * unfinished (the application stopped, a batch failed) are taken up again when it starts.
 */
@Component
class MailingRunner {

	private static final Logger logger = LoggerFactory.getLogger(MailingRunner.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	private final MailingBatches batches;

	private final Mailings mailings;

	/** The mailings waiting for the thread or running on it. */
	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	private final TaskExecutor executor;

	private volatile boolean stopping;

	MailingRunner(MailingBatches batches, Mailings mailings,
			@Qualifier("campaignMailingExecutor") TaskExecutor executor) {
		this.batches = batches;
		this.mailings = mailings;
		this.executor = executor;
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
		if (this.stopping || !this.queued.add(mailingId)) {
			return;
		}
		try {
			this.executor.execute(() -> {
				try {
					run(mailingId);
				}
				finally {
					this.queued.remove(mailingId);
				}
			});
		}
		catch (TaskRejectedException ex) {
			// the application stops: the mailing goes on at the next start
			this.queued.remove(mailingId);
		}
	}

	private void run(long mailingId) {
		long started = System.nanoTime();
		int actors = 0;
		try {
			while (!this.stopping && !Thread.currentThread().isInterrupted()) {
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

	/** Takes up the mailings left unfinished, once the application has started. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished() {
		for (long id : this.mailings.unfinished()) {
			logger.info("Taking up unfinished mailing #{}", id);
			submit(id);
		}
	}

	/**
	 * No new batch once the application stops: the batch under way finishes (the executor
	 * waits for it, {@code CampaignConfiguration}) and the mailing goes on at the next
	 * start.
	 */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void stopping() {
		this.stopping = true;
	}

}
