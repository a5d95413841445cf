package fr.lianes.repertoire.database;

import java.sql.SQLTransientConnectionException;

import org.springframework.stereotype.Component;

/**
 * Open while the database answers, as far as the last check knows; the pool's thread that
 * opens connections waits on it while closed.
 */
@Component
class DatabaseGate {

	private boolean open = true;

	synchronized void open(boolean open) {
		this.open = open;
		if (open) {
			notifyAll();
		}
	}

	/** Waits until the database answers again; interrupted when the pool shuts down. */
	synchronized void awaitOpen() throws SQLTransientConnectionException {
		while (!this.open) {
			try {
				wait();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLTransientConnectionException("Interrupted while the database does not answer", ex);
			}
		}
	}

}
