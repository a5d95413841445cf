package fr.lianes.repertoire.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Where the pool opens its connections: while the database is known not to answer, the
 * pool's background thread waits here for it to come back instead of failing again and
 * again, which would make the pool wait up to 5 s between attempts (HikariCP's back-off)
 * and keep pages refused seconds after the database is back. Requests never wait here:
 * they wait for a pooled connection, at most
 * {@code spring.datasource.hikari.connection-timeout}.
 */
@Component
class ReconnectingDataSource implements BeanPostProcessor {

	private final DatabaseGate gate;

	ReconnectingDataSource(DatabaseGate gate) {
		this.gate = gate;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && pool.getJdbcUrl() != null) {
			DataSource driver = new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(),
					pool.getDataSourceProperties(), pool.getUsername(), pool.getPassword());
			pool.setDataSource(new Gated(driver, this.gate));
		}
		return bean;
	}

	/** Opens connections once the gate is open. */
	private record Gated(DataSource driver, DatabaseGate gate) implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			this.gate.awaitOpen();
			return this.driver.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			this.gate.awaitOpen();
			return this.driver.getConnection(username, password);
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.driver.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.driver.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.driver.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.driver.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return this.driver.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return this.driver.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return this.driver.isWrapperFor(type);
		}

	}

}
