package fr.lianes.repertoire.database;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;

/**
 * Asks the database whether it answers, on a connection of its own that gives up within a
 * second or two whatever the pool is doing, and measures the free space left to the
 * embedded server.
 */
class DatabaseProbe {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseProbe.class);

	/** Seconds a check may wait for the server, to connect or to answer. */
	private static final int TIMEOUT_SECONDS = 1;

	private final String url;

	private final Properties properties = new Properties();

	private final long minFreeSpace;

	private Connection connection;

	DatabaseProbe(Environment environment, DatabaseSettings settings) {
		this.url = environment.getProperty("spring.datasource.url");
		this.minFreeSpace = settings.minFreeSpace().toBytes();
		put("user", environment.getProperty("spring.datasource.username"));
		put("password", environment.getProperty("spring.datasource.password"));
		put("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
		put("socketTimeout", Integer.toString(TIMEOUT_SECONDS + 1));
		put("loginTimeout", Integer.toString(TIMEOUT_SECONDS + 1));
		put("ApplicationName", "repertoire-database-check");
	}

	private void put(String name, String value) {
		if (value != null) {
			this.properties.setProperty(name, value);
		}
	}

	synchronized boolean answers() {
		if (this.url == null) {
			return true;
		}
		try {
			if (this.connection != null && this.connection.isValid(TIMEOUT_SECONDS)) {
				return true;
			}
			close();
			this.connection = DriverManager.getConnection(this.url, this.properties);
			return this.connection.isValid(TIMEOUT_SECONDS);
		}
		catch (SQLException ex) {
			logger.debug("The database does not answer", ex);
			close();
			return false;
		}
	}

	/** Whether an embedded server's disk has less free space than the minimum. */
	boolean lowDiskSpace() {
		for (EmbeddedPostgresServer server : EmbeddedPostgresServer.started()) {
			try {
				if (Files.getFileStore(server.dataDirectory()).getUsableSpace() < this.minFreeSpace) {
					return true;
				}
			}
			catch (IOException ex) {
				logger.debug("Could not measure the free space of {}", server.dataDirectory(), ex);
			}
		}
		return false;
	}

	synchronized void close() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// already broken
			}
			this.connection = null;
		}
	}

}
