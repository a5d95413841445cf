package fr.lianes.repertoire.figures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The content version kept in memory while every change is announced: public pages served
 * from memory read nothing from the database, a change committed by this instance is seen
 * by the next request, one committed by another process as soon as it is announced, and
 * while the watch does not listen every use reads the database again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentVersionWatchTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ContentVersion version;

	@Autowired
	private ContentChangeWatch watch;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ContentChanges changes;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private Environment environment;

	@BeforeEach
	void listening() {
		await().atMost(PATIENCE).until(this.watch::listening);
	}

	@Test
	void publicPagesServedFromMemoryReadNoVersion() throws Exception {
		get("/pays");
		double before = reads();
		long changed = this.changes.count();
		for (int i = 0; i < 50; i++) {
			assertThat(get("/pays")).isEqualTo(200);
		}
		// a background commit of this instance (the mail outbox, a scheduled task) makes
		// the next use read the version again, once: never more reads than changes seen
		// (however slow the machine); each page reading it would make 50
		assertThat(reads() - before).as("version reads for 50 pages served from memory")
			.isLessThanOrEqualTo(this.changes.count() - changed + 1)
			.isLessThan(50);
	}

	@Test
	void aCommitOfThisInstanceIsSeenAtOnce() {
		assertThat(((ConfigurableTransactionManager) this.transactionManager).getTransactionExecutionListeners())
			.as("the watch hears every commit of this instance, before its request answers")
			.contains(this.watch);
		long before = this.version.current();
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.jdbc.sql("insert into content_change default values").update());
		assertThat(this.version.current()).isEqualTo(before + 1);
	}

	@Test
	void aCommitOfAnotherProcessIsSeenOnceAnnounced() throws Exception {
		long before = this.version.current();
		double reads = reads();
		try (Connection other = DriverManager.getConnection(this.environment.getProperty("spring.datasource.url"),
				this.environment.getProperty("spring.datasource.username"),
				this.environment.getProperty("spring.datasource.password"));
				Statement statement = other.createStatement()) {
			statement.executeUpdate("insert into content_change default values");
		}
		await().atMost(PATIENCE).until(this.version::current, (now) -> now == before + 1);
		assertThat(reads() - reads).as("read again after the announcement").isPositive();
	}

	@Test
	void withoutListeningEveryUseReadsTheDatabase() {
		this.jdbc.sql("""
				select pg_terminate_backend(pid) from pg_stat_activity
				where application_name = 'repertoire-content-watch' and datname = current_database()""")
			.query(Boolean.class)
			.list();
		await().atMost(PATIENCE).until(() -> !this.watch.listening());
		double before = reads();
		this.version.current();
		this.version.current();
		this.version.current();
		if (!this.watch.listening()) {
			assertThat(reads() - before).as("each use reads the version while nothing is announced")
				.isGreaterThanOrEqualTo(3);
		}
		await().atMost(PATIENCE).until(this.watch::listening);
		this.version.current();
		double listening = reads();
		this.version.current();
		this.version.current();
		assertThat(reads()).as("kept again once listening").isLessThanOrEqualTo(listening + 1);
	}

	private double reads() {
		return this.meters.get(ContentVersion.READS).counter().count();
	}

	private int get(String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
