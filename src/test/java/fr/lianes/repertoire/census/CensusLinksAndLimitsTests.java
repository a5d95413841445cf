package fr.lianes.repertoire.census;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import fr.lianes.repertoire.limits.TokenBuckets;
import fr.lianes.repertoire.testing.CensusWebTest;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emailed links expire and are stored only as hashes; the rate limits and the fill
 * timer refuse what they must.
 */
class CensusLinksAndLimitsTests extends CensusWebTest {

	@LocalServerPort
	private int port;

	@Autowired
	private AccessLinks links;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anExpiredLinkIsRefusedWithAPageSayingSo() {
		long actorId = this.jdbc.sql("select id from actor where published limit 1").query(Long.class).single();
		AccessLinks.Issued expired = this.links.issue(AccessLinks.Purpose.UPDATE_ENTRY, "expire@asso.example", null,
				actorId, Duration.ofMinutes(-1));
		assertThat(this.links.peek(expired.token())).isEmpty();
		assertThat(this.links.consume(expired.token())).isEmpty();
		WebClient browser = new WebClient(this.port);
		WebClient.Page page = browser.get("/recensement/lien?jeton=" + expired.token());
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("n’est plus valable");
	}

	@Test
	void onlyTheHashOfALinkIsStored() {
		long actorId = this.jdbc.sql("select id from actor where published limit 1").query(Long.class).single();
		AccessLinks.Issued link = this.links.issue(AccessLinks.Purpose.UPDATE_ENTRY, "hash@asso.example", null, actorId,
				Duration.ofHours(1));
		assertThat(Tokens.isWellFormed(link.token())).isTrue();
		assertThat(this.jdbc.sql("select count(*) from access_link where token_hash = ?")
			.param(Tokens.hash(link.token()))
			.query(Integer.class)
			.single()).isEqualTo(1);
		// the token appears nowhere in the table, whatever the column
		assertThat(this.jdbc.sql("select count(*) from access_link a where position(? in a::text) > 0")
			.param(link.token())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void rateLimitsCountPerKindAndAddressWhateverItsCase() {
		CensusProperties properties = new CensusProperties(null, null, null, null, null, null, 1, 2, 1, 1);
		RateLimits limits = new RateLimits(properties, TokenBuckets.inMemory());
		assertThat(limits.tryAcquire(RateLimits.Kind.LINK_EMAIL, "Camille@Asso.example")).isTrue();
		assertThat(limits.tryAcquire(RateLimits.Kind.LINK_EMAIL, "camille@asso.example ")).isTrue();
		assertThat(limits.tryAcquire(RateLimits.Kind.LINK_EMAIL, "CAMILLE@asso.example")).isFalse();
		assertThat(limits.tryAcquire(RateLimits.Kind.LINK_EMAIL, "autre@asso.example")).isTrue();
		assertThat(limits.tryAcquire(RateLimits.Kind.START, "203.0.113.7")).isTrue();
		assertThat(limits.tryAcquire(RateLimits.Kind.START, "203.0.113.7")).isFalse();
		assertThat(limits.tryAcquire(RateLimits.Kind.SUBMIT, "203.0.113.7")).isTrue();
	}

	@Test
	void theFillTimerMeasuresOnlyItsOwnStamps() {
		MovingClock clock = new MovingClock();
		FillTimer timer = new FillTimer(clock);
		String stamp = timer.stamp();
		clock.advance(Duration.ofSeconds(5));
		assertThat(timer.elapsed(stamp)).contains(Duration.ofSeconds(5));
		String forged = (clock.millis() - 60_000) + stamp.substring(stamp.indexOf('.'));
		assertThat(timer.elapsed(forged)).isEmpty();
		assertThat(new FillTimer(clock).elapsed(stamp)).as("signed by another instance or before a restart").isEmpty();
		assertThat(timer.elapsed(null)).isEmpty();
		assertThat(timer.elapsed("1.2.3")).isEmpty();
	}

	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-11-21T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
