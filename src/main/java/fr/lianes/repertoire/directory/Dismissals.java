package fr.lianes.repertoire.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pairs of actors a moderator said are two different structures: they are not
 * suggested as duplicates again.
 */
@Repository
class Dismissals {

	private final JdbcClient jdbc;

	private final Clock clock;

	Dismissals(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Remembers that two actors are not duplicates; nothing happens the second time. */
	void dismiss(long one, long other, String by) {
		this.jdbc.sql("""
				insert into duplicate_dismissal (actor_a, actor_b, dismissed_by, dismissed_at) values (:a, :b, :by, :at)
				on conflict do nothing""")
			.param("at", OffsetDateTime.now(this.clock))
			.param("a", Math.min(one, other))
			.param("b", Math.max(one, other))
			.param("by", by)
			.update();
	}

	/** The actors an actor was dismissed with. */
	Set<Long> dismissedWith(long actorId) {
		return new HashSet<>(this.jdbc.sql("""
				select actor_b from duplicate_dismissal where actor_a = :id
				union all
				select actor_a from duplicate_dismissal where actor_b = :id""")
			.param("id", actorId)
			.query(Long.class)
			.list());
	}

	/**
	 * A merged actor's dismissals become the survivor's: the same structure is still not
	 * those others. Those of the merged actor go with it.
	 */
	void transfer(long mergedId, long survivorId, String by) {
		this.jdbc.sql("""
				insert into duplicate_dismissal (actor_a, actor_b, dismissed_by, dismissed_at)
				select least(other, :survivor), greatest(other, :survivor), :by, :at
				from (select actor_b as other from duplicate_dismissal where actor_a = :merged
				      union select actor_a from duplicate_dismissal where actor_b = :merged) o
				where other <> :survivor
				on conflict do nothing""")
			.param("merged", mergedId)
			.param("survivor", survivorId)
			.param("by", by)
			.param("at", OffsetDateTime.now(this.clock))
			.update();
	}

}
