package fr.lianes.repertoire.mail;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the dispatcher on its own executor ({@code mailDispatchExecutor}, one thread per
 * instance), never on a request's: soon after a transaction that queued mail commits
 * ({@link MailQueued}), and every {@code repertoire.mail.poll-interval} (on Spring's
 * scheduler) for mails left by a crash or waiting for a retry. Requests made while a run
 * waits are covered by it: the 200 mails of a batch make one run.
 */
@Component
class MailDispatch implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(MailDispatch.class);

	private final MailDispatcher dispatcher;

	private final MailSettings settings;

	private final TaskExecutor executor;

	/** A run is waiting in the executor: further requests are covered by it. */
	private final AtomicBoolean queued = new AtomicBoolean();

	private volatile boolean stopping;

	MailDispatch(MailDispatcher dispatcher, MailSettings settings,
			@Qualifier("mailDispatchExecutor") TaskExecutor executor) {
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.executor = executor;
	}

	boolean isMailOn() {
		return this.dispatcher.isMailOn();
	}

	/** A transaction that queued a mail has committed: the mail leaves soon. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void queued(MailQueued mail) {
		requestDispatch();
	}

	/** Asks for a run soon; returns at once. */
	void requestDispatch() {
		if (this.stopping || !this.queued.compareAndSet(false, true)) {
			return;
		}
		try {
			this.executor.execute(() -> {
				this.queued.set(false);
				dispatch();
			});
		}
		catch (TaskRejectedException ex) {
			// the application stops: the mail waits in the outbox for the next start
			this.queued.set(false);
		}
	}

	private void dispatch() {
		try {
			this.dispatcher.sendDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not dispatch mail, trying again at the next poll", ex);
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = Duration.ofMillis(Math.max(100, this.settings.pollInterval().toMillis()));
		registrar.addFixedDelayTask(new FixedDelayTask(this::requestDispatch, interval, interval));
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (this.dispatcher.mailSender() instanceof JavaMailSenderImpl smtp) {
			logger.info("Mail is on: SMTP server {}:{}, sender {}", smtp.getHost(),
					(smtp.getPort() > 0) ? smtp.getPort() : "default", this.settings.from());
		}
		else if (this.dispatcher.isMailOn()) {
			logger.info("Mail is on, sender {}", this.settings.from());
		}
		else {
			logger.warn("Mail is off: no SMTP server (spring.mail.host). Mails stay queued in outgoing_mail "
					+ "and leave once one is configured, unless older than {}", this.settings.maxAge());
		}
	}

	/**
	 * No new run once the application stops; the run under way finishes (the executor
	 * waits for it, {@code MailConfiguration}).
	 */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void stopping() {
		this.stopping = true;
	}

}
