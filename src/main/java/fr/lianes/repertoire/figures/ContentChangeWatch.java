package fr.lianes.repertoire.figures;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Tells {@link ContentVersion} (through {@link ContentChanges}) when to read the version
 * again: after every commit of this instance that may have written (a transaction not
 * read-only, before the request that committed answers), and after every change another
 * process commits, announced on the channel {@code content_change} ({@code V32}) that
 * this watch listens to on a connection of its own. While it does not listen (before the
 * first connection, after losing it, until it listens again) the version is read at each
 * use.
 */
@Component
class ContentChangeWatch implements SmartLifecycle, TransactionExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(ContentChangeWatch.class);

	static final String CHANNEL = "content_change";

	/** How long a wait for notifications lasts, which is how soon a stop is seen. */
	private static final int WAIT_MILLIS = 500;

	/** The pause before connecting again after losing the connection. */
	private static final Duration RETRY = Duration.ofSeconds(1);

	private final ContentChanges changes;

	private final String url;

	private final Properties properties = new Properties();

	/** The watch's own thread, a daemon: it never holds a pool's thread. */
	private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("content-change-watch-");

	private volatile boolean running;

	private Future<?> task;

	private CountDownLatch ended;

	private volatile Connection connection;

	ContentChangeWatch(ContentChanges changes, Environment environment) {
		this.changes = changes;
		this.executor.setDaemon(true);
		this.url = environment.getProperty("spring.datasource.url");
		put("user", environment.getProperty("spring.datasource.username"));
		put("password", environment.getProperty("spring.datasource.password"));
		put("connectTimeout", "2");
		put("ApplicationName", "repertoire-content-watch");
	}

	private void put(String name, String value) {
		if (value != null) {
			this.properties.setProperty(name, value);
		}
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable failure) {
		if (!transaction.isReadOnly()) {
			this.changes.changed();
		}
	}

	@Override
	public synchronized void start() {
		if (this.url == null || this.running) {
			return;
		}
		this.running = true;
		CountDownLatch end = new CountDownLatch(1);
		this.ended = end;
		this.task = this.executor.submit(() -> {
			try {
				watch();
			}
			finally {
				end.countDown();
			}
		});
	}

	@Override
	public void stop() {
		Future<?> watching;
		CountDownLatch end;
		synchronized (this) {
			this.running = false;
			watching = this.task;
			end = this.ended;
			this.task = null;
		}
		if (watching != null) {
			watching.cancel(true);
			try {
				end.await(WAIT_MILLIS * 4L, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.changes.announced(false);
		close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Whether the watch listens now (for the tests). */
	boolean listening() {
		return this.connection != null;
	}

	private void watch() {
		boolean lost = false;
		while (this.running) {
			try {
				Connection listening = DriverManager.getConnection(this.url, this.properties);
				this.connection = listening;
				try (Statement statement = listening.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				// listening from here on: what is read from now on is announced when it
				// changes
				this.changes.announced(true);
				if (lost) {
					logger.info("Listening to the content's changes again");
					lost = false;
				}
				PGConnection notifications = listening.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
					if (received != null && received.length > 0) {
						this.changes.changed();
					}
				}
			}
			catch (SQLException ex) {
				this.changes.announced(false);
				if (this.running && !lost) {
					logger.warn("Not listening to the content's changes ({}): the version is read at each request",
							ex.getMessage());
					lost = true;
				}
			}
			finally {
				close();
			}
			if (this.running) {
				try {
					Thread.sleep(RETRY.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void close() {
		Connection open = this.connection;
		this.connection = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (SQLException ex) {
				// already broken
			}
		}
	}

}
