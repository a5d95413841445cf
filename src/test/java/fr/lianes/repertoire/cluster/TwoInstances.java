package fr.lianes.repertoire.cluster;

import java.util.ArrayList;
import java.util.List;

import fr.lianes.repertoire.testing.ProductionStartTest;
import fr.lianes.repertoire.RepertoireApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the application on one PostgreSQL, as behind a load balancer: each in
 * its own Spring context with its own web server on a port of its own, started as
 * production starts them (no demo data, the first administrator from the settings) with
 * {@code repertoire.cluster.enabled}. Both are started once per test JVM, by the first
 * test that asks, one after the other (the first migrates the database), and stopped when
 * the JVM ends. Their database ({@code cluster}) is theirs alone; their mails go to the
 * tests' SMTP server ({@link ProductionStartTest#SMTP}).
 */
public final class TwoInstances {

	public static final String ADMIN_EMAIL = "admin-cluster@lianes.example";

	public static final String ADMIN_PASSWORD = "le mot de passe du cluster de test";

	/** API requests one address may make per minute, across both instances. */
	public static final int API_REQUESTS_PER_MINUTE = 6;

	private static TwoInstances started;

	private final ConfigurableApplicationContext a;

	private final ConfigurableApplicationContext b;

	private TwoInstances() {
		this.a = start("a");
		this.b = start("b");
	}

	/** The two instances, started at the first call. */
	public static synchronized TwoInstances get() {
		if (started == null) {
			started = new TwoInstances();
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "two-instances-stop"));
		}
		return started;
	}

	public ConfigurableApplicationContext a() {
		return this.a;
	}

	public ConfigurableApplicationContext b() {
		return this.b;
	}

	public int portOf(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	private void stop() {
		List<RuntimeException> failures = new ArrayList<>();
		for (ConfigurableApplicationContext context : List.of(this.a, this.b)) {
			try {
				context.close();
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
	}

	private static ConfigurableApplicationContext start(String name) {
		// as arguments: they win over application.yaml (the builder's properties would
		// not)
		String[] settings = { "spring.application.name=repertoire-" + name, "server.port=0",
				"repertoire.embedded-db.database=cluster", "repertoire.demo.load-on-empty=false",
				"repertoire.admin.email=" + ADMIN_EMAIL, "repertoire.admin.password=" + ADMIN_PASSWORD,
				"repertoire.admin.name=Alex Administrateur", "repertoire.cluster.enabled=true",
				"repertoire.cluster.check-interval=100ms", "repertoire.census.minimum-fill-time=0s",
				"repertoire.census.minimum-start-time=0s",
				"repertoire.exchange.api-requests-per-minute=" + API_REQUESTS_PER_MINUTE,
				"repertoire.mail.poll-interval=200ms", "repertoire.campaign.batch-size=5", "spring.mail.host=127.0.0.1",
				"spring.mail.port=" + ProductionStartTest.SMTP.getSmtp().getPort() };
		return new SpringApplicationBuilder(RepertoireApplication.class)
			.run(java.util.Arrays.stream(settings).map((setting) -> "--" + setting).toArray(String[]::new));
	}

}
