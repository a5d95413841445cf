package fr.lianes.repertoire.census;

import java.util.List;

import fr.lianes.repertoire.reference.ReferenceDependents;
import fr.lianes.repertoire.reference.ReferenceEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A questionnaire answer waiting for moderation (sent, or sent back for changes) that
 * names an actor type or a domain forbids deleting it: the moderator could not approve
 * the answer afterwards.
 */
@Component
class PendingAnswersUsage implements ReferenceDependents {

	private final JdbcClient jdbc;

	PendingAnswersUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Use> usesOf(ReferenceEntry entry) {
		if (entry instanceof ReferenceEntry.ActorType type) {
			return List.of(new Use("reference.admin.delete.submissions",
					this.jdbc.sql("""
							select count(*) from submission where status in ('SUBMITTED', 'CHANGES_REQUESTED')
							and content->'structure'->>'actorType' = :code""")
						.param("code", type.code())
						.query(Long.class)
						.single()));
		}
		if (entry instanceof ReferenceEntry.Domain domain) {
			return List.of(new Use("reference.admin.delete.submissions", this.jdbc
				.sql("""
						select count(*) from submission where status in ('SUBMITTED', 'CHANGES_REQUESTED')
						and content->'projects' @> jsonb_build_array(jsonb_build_object('domains', jsonb_build_array(:slug::text)))""")
				.param("slug", domain.slug())
				.query(Long.class)
				.single()));
		}
		return List.of();
	}

}
