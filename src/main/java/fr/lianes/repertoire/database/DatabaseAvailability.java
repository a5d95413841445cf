package fr.lianes.repertoire.database;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What is known of the database right now, without waiting for it: {@link #check()} runs
 * every second (see {@code DatabaseWatchdog}), and requests report the faults they meet.
 * Pages and the readiness probe read this instead of queuing for a connection that will
 * not come.
 */
@Component
public class DatabaseAvailability {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseAvailability.class);

	private final DatabaseSettings settings;

	private final DatabaseProbe probe;

	private final DataSource dataSource;

	private final DatabaseGate gate;

	private volatile boolean reachable = true;

	private volatile boolean lowDiskSpace;

	/**
	 * When a full disk was last reported ({@link System#nanoTime()}, a duration's start,
	 * not a date), or null.
	 */
	private volatile Long diskFullReported;

	private final AtomicLong checks = new AtomicLong();

	DatabaseAvailability(DatabaseSettings settings, Environment environment, DataSource dataSource, DatabaseGate gate) {
		this.settings = settings;
		this.probe = new DatabaseProbe(environment, settings);
		this.dataSource = dataSource;
		this.gate = gate;
	}

	/**
	 * The fault a request of this kind would meet now.
	 * @param write whether the request writes (a form sent)
	 * @return the fault, or empty when the request may go ahead
	 */
	public Optional<DatabaseFault> faultFor(boolean write) {
		if (!this.reachable) {
			return Optional.of(DatabaseFault.UNAVAILABLE);
		}
		if (write && isDiskFull()) {
			return Optional.of(DatabaseFault.DISK_FULL);
		}
		return Optional.empty();
	}

	/**
	 * The database fault behind a request's failure, if any. A failure that does not say
	 * so itself (a rollback on a connection already closed, say) is a fault when the
	 * database does not answer a check made now.
	 * @param failure what the request threw
	 * @return the fault, or empty when the database is not to blame
	 */
	public Optional<DatabaseFault> faultBehind(Throwable failure) {
		Optional<DatabaseFault> fault = DatabaseFault.of(failure);
		if (fault.isPresent()) {
			if (fault.get() == DatabaseFault.DISK_FULL) {
				if (!isDiskFull()) {
					logger.error("The database cannot write: its disk is full. Forms get the 503 page");
				}
				this.diskFullReported = System.nanoTime();
			}
			return fault;
		}
		if (isCausedBySql(failure)) {
			check();
			return this.reachable ? Optional.empty() : Optional.of(DatabaseFault.UNAVAILABLE);
		}
		return Optional.empty();
	}

	/** Whether the database answers and can write: what readiness reports. */
	public boolean isReady() {
		return this.reachable && !isDiskFull();
	}

	public boolean isReachable() {
		return this.reachable;
	}

	public boolean isDiskFull() {
		Long reported = this.diskFullReported;
		return this.lowDiskSpace
				|| (reported != null && System.nanoTime() - reported < this.settings.diskFullHold().toNanos());
	}

	/** Asks the database now (within a second or two) and records the answer. */
	void check() {
		reachable(this.probe.answers());
		lowDiskSpace(this.probe.lowDiskSpace());
		this.checks.incrementAndGet();
	}

	/**
	 * How many checks were made since the start: what the health reports is as old as the
	 * last one.
	 */
	public long checks() {
		return this.checks.get();
	}

	void reachable(boolean reachable) {
		if (reachable != this.reachable) {
			if (reachable) {
				logger.info("The database answers again");
			}
			else {
				logger.error("The database does not answer: pages get the 503 page and readiness is down");
			}
			// connections opened before the change are dead, or will be
			evictPooledConnections();
		}
		this.reachable = reachable;
		this.gate.open(reachable);
	}

	private void evictPooledConnections() {
		try {
			if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
				HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
				if (pool.getHikariPoolMXBean() != null) {
					pool.getHikariPoolMXBean().softEvictConnections();
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not evict the pool's connections", ex);
		}
	}

	private void lowDiskSpace(boolean low) {
		if (low != this.lowDiskSpace) {
			if (low) {
				logger.error("Less than {} free on the embedded PostgreSQL's disk: forms get the 503 page",
						this.settings.minFreeSpace());
			}
			else {
				logger.info("Disk space available again for the embedded PostgreSQL");
				this.diskFullReported = null;
			}
		}
		this.lowDiskSpace = low;
	}

	void close() {
		this.gate.open(true);
		this.probe.close();
	}

	private static boolean isCausedBySql(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

}
