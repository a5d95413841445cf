package fr.lianes.repertoire.mail;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher on one background thread per instance, never on a request's: soon
 * after a transaction that queued mail commits, and every
 * {@code repertoire.mail.poll-interval} for mails left by a crash or waiting for a retry.
 */
@Component
class MailDispatchScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MailDispatchScheduler.class);

	private final MailDispatcher dispatcher;

	private final MailSettings settings;

	/** A run is waiting in the executor: further requests are covered by it. */
	private final AtomicBoolean queued = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	MailDispatchScheduler(MailDispatcher dispatcher, MailSettings settings) {
		this.dispatcher = dispatcher;
		this.settings = settings;
	}

	boolean isMailOn() {
		return this.dispatcher.isMailOn();
	}

	/** Asks for a run soon; returns at once. */
	void requestDispatch() {
		ScheduledExecutorService current = this.executor;
		if (current == null || !this.queued.compareAndSet(false, true)) {
			return;
		}
		try {
			current.execute(() -> {
				this.queued.set(false);
				dispatch();
			});
		}
		catch (RejectedExecutionException ex) {
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
	public void start() {
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
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "mail-dispatch");
			thread.setDaemon(true);
			return thread;
		});
		long interval = Math.max(100, this.settings.pollInterval().toMillis());
		started.scheduleWithFixedDelay(this::dispatch, interval, interval, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current == null) {
			return;
		}
		current.shutdown();
		try {
			if (!current.awaitTermination(10, TimeUnit.SECONDS)) {
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
