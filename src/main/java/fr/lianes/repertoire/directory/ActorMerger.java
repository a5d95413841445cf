package fr.lianes.repertoire.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.lianes.repertoire.directory.EntryCommands.Merged;
import fr.lianes.repertoire.history.History;
import fr.lianes.repertoire.history.History.FieldChange;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two actors that are one structure into the one the moderator keeps, in one
 * transaction: the other's projects, contacts (with their consents), networks, old
 * addresses, dismissed pairs and legacy identifiers move to it; its empty fields are
 * filled from the other's; the other's address redirects to it; the other modules move
 * their rows of it (submissions, update links, campaign invitations) on
 * {@link ActorsMerging}; the other is deleted. The history of both, and of each project
 * moved, records it; the search index follows at commit.
 */
@Service
class ActorMerger {

	/** The fields of an actor a merge reads. */
	private record Fields(long id, String slug, String name, String communeInsee, String acronym, String sirenSiret,
			String rna, String description, String addressLine, String postalCode, String website, String email,
			String phone, Short foundingYear, Integer lastCensusCampaignId, OffsetDateTime lastCensusResponseAt) {
	}

	private final JdbcClient jdbc;

	private final History history;

	private final Dismissals dismissals;

	private final MessageSource messages;

	private final Clock clock;

	@PersistenceContext
	private EntityManager entityManager;

	private final LegacyImports imports;

	private final ApplicationEventPublisher events;

	ActorMerger(JdbcClient jdbc, History history, Dismissals dismissals, MessageSource messages, Clock clock,
			LegacyImports imports, ApplicationEventPublisher events) {
		this.imports = imports;
		this.events = events;
		this.jdbc = jdbc;
		this.history = history;
		this.dismissals = dismissals;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Merges an actor into another, if both are still at the versions the moderator saw.
	 * @param by the staff member's email, for the history
	 * @throws MergeConflictException if either changed or no longer exists: nothing is
	 * merged
	 */
	@Transactional
	Merged merge(long survivorId, int survivorVersion, long mergedId, int mergedVersion, String by) {
		if (survivorId == mergedId) {
			throw new IllegalArgumentException("An actor cannot be merged into itself: " + survivorId);
		}
		lockAtVersions(Map.of(survivorId, survivorVersion, mergedId, mergedVersion));
		Fields survivor = fields(survivorId);
		Fields merged = fields(mergedId);

		List<FieldChange> changes = new ArrayList<>(fillEmptyFields(survivor, merged));
		List<Long> led = moveLedProjects(survivor, merged, by);
		moveOtherProjects(survivor, merged, by, led);
		int contacts = this.jdbc
			.sql("""
					update contact_person
					set actor_id = :survivor, updated_at = :now, version = version + 1,
					    position = position + (select coalesce(max(position) + 1, 0) from contact_person where actor_id = :survivor)
					where actor_id = :merged""")
			.param("now", now())
			.param("survivor", survivorId)
			.param("merged", mergedId)
			.update();
		changes.add(moveNetworks(survivorId, mergedId));
		this.jdbc.sql("update actor_slug_redirect set actor_id = :survivor where actor_id = :merged")
			.param("survivor", survivorId)
			.param("merged", mergedId)
			.update();
		this.jdbc.sql("""
				insert into actor_slug_redirect (old_slug, actor_id) values (:slug, :survivor)
				on conflict (old_slug) do update set actor_id = excluded.actor_id""")
			.param("slug", merged.slug())
			.param("survivor", survivorId)
			.update();
		this.dismissals.transfer(mergedId, survivorId, by);
		// importing an export again finds the survivor instead of creating the merged
		// actor anew
		this.imports.transferActorIdentifiers(mergedId, survivorId);
		// before the delete: the rows of other modules that name the merged actor are
		// deleted with it, or lose it
		this.events.publishEvent(new ActorsMerging(survivorId, mergedId, by));
		this.jdbc.sql("delete from actor where id = :merged").param("merged", mergedId).update();

		int projects = this.jdbc.sql("select count(*) from project where lead_actor_id = :survivor")
			.param("survivor", survivorId)
			.query(Integer.class)
			.single();
		changes.add(FieldChange.of("moderation.field.merged-actor", null, describe(merged)));
		this.history.record(History.Subject.ACTOR, survivorId, "MERGED", by, changes, null,
				message("duplicates.history.merged", merged.name(), merged.slug(), merged.id()));
		this.history.record(History.Subject.ACTOR, mergedId, "MERGED_INTO", by,
				List.of(FieldChange.of("moderation.field.merged-into", null, describe(survivor))), null,
				message("duplicates.history.merged-into", survivor.name(), survivor.slug(), survivor.id()));
		reindex(survivorId, mergedId);
		return new Merged(survivorId, survivor.name(), merged.name(), projects, contacts);
	}

	/**
	 * Locks both rows (in id order: two merges cannot deadlock) and checks their
	 * versions.
	 */
	private void lockAtVersions(Map<Long, Integer> versions) {
		Map<Long, Integer> current = this.jdbc
			.sql("select id, version from actor where id in (:ids) order by id for update")
			.param("ids", List.copyOf(versions.keySet()))
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		if (!current.equals(versions)) {
			throw new MergeConflictException();
		}
	}

	/**
	 * The survivor keeps every value it has; a field it leaves empty takes the other's
	 * value: acronym, SIREN/SIRET, RNA, description, website, email, phone, founding
	 * year, and the postal address when both are in the same commune. The latest census
	 * answer of the two is kept. Name, type, commune, status and publication are the
	 * survivor's.
	 */
	private List<FieldChange> fillEmptyFields(Fields survivor, Fields merged) {
		boolean sameCommune = survivor.communeInsee().equals(merged.communeInsee());
		boolean noAddress = blank(survivor.addressLine()) && blank(survivor.postalCode());
		boolean newerCensus = merged.lastCensusResponseAt() != null && (survivor.lastCensusResponseAt() == null
				|| merged.lastCensusResponseAt().isAfter(survivor.lastCensusResponseAt()));
		Fields kept = new Fields(survivor.id(), survivor.slug(), survivor.name(), survivor.communeInsee(),
				either(survivor.acronym(), merged.acronym()), either(survivor.sirenSiret(), merged.sirenSiret()),
				either(survivor.rna(), merged.rna()), either(survivor.description(), merged.description()),
				(sameCommune && noAddress) ? merged.addressLine() : survivor.addressLine(),
				(sameCommune && noAddress) ? merged.postalCode() : survivor.postalCode(),
				either(survivor.website(), merged.website()), either(survivor.email(), merged.email()),
				either(survivor.phone(), merged.phone()),
				(survivor.foundingYear() != null) ? survivor.foundingYear() : merged.foundingYear(),
				newerCensus ? merged.lastCensusCampaignId() : survivor.lastCensusCampaignId(),
				newerCensus ? merged.lastCensusResponseAt() : survivor.lastCensusResponseAt());
		this.jdbc.sql("""
				update actor set acronym = :acronym, siren_siret = :siren, rna = :rna, description = :description,
				       address_line = :address, postal_code = :postalCode, website = :website, email = :email,
				       phone = :phone, founding_year = :foundingYear, last_census_campaign_id = :campaign,
				       last_census_response_at = :censusAt, updated_at = :now, version = version + 1
				where id = :id""")
			.param("now", now())
			.param("acronym", kept.acronym())
			.param("siren", kept.sirenSiret())
			.param("rna", kept.rna())
			.param("description", kept.description())
			.param("address", kept.addressLine())
			.param("postalCode", kept.postalCode())
			.param("website", kept.website())
			.param("email", kept.email())
			.param("phone", kept.phone())
			.param("foundingYear", kept.foundingYear())
			.param("campaign", kept.lastCensusCampaignId())
			.param("censusAt", kept.lastCensusResponseAt())
			.param("id", kept.id())
			.update();
		// FieldChange.of is null for a field that did not change
		return Arrays.asList(FieldChange.of("census.field.acronym", survivor.acronym(), kept.acronym()),
				FieldChange.of("census.field.siret", survivor.sirenSiret(), kept.sirenSiret()),
				FieldChange.of("census.field.rna", survivor.rna(), kept.rna()),
				FieldChange.of("census.field.description", survivor.description(), kept.description()),
				FieldChange.of("census.field.addressLine", survivor.addressLine(), kept.addressLine()),
				FieldChange.of("census.field.postalCode", survivor.postalCode(), kept.postalCode()),
				FieldChange.of("census.field.website", survivor.website(), kept.website()),
				FieldChange.of("census.field.email", survivor.email(), kept.email()),
				FieldChange.of("census.field.phone", survivor.phone(), kept.phone()),
				FieldChange.of("census.field.foundingYear", survivor.foundingYear(), kept.foundingYear()),
				FieldChange.of("moderation.field.last-census-response", survivor.lastCensusResponseAt(),
						kept.lastCensusResponseAt()));
	}

	/** The projects the merged actor led are the survivor's now. */
	private List<Long> moveLedProjects(Fields survivor, Fields merged, String by) {
		List<Long> moved = this.jdbc.sql("""
				update project set lead_actor_id = :survivor, updated_at = :now, version = version + 1
				where lead_actor_id = :merged returning id""")
			.param("now", now())
			.param("survivor", survivor.id())
			.param("merged", merged.id())
			.query(Long.class)
			.list();
		for (long project : moved) {
			this.history.record(History.Subject.PROJECT, project, "MERGED", by,
					List.of(FieldChange.of("moderation.field.lead-actor", describe(merged), describe(survivor))), null,
					null);
		}
		return moved;
	}

	/**
	 * The projects the merged actor took part in count the survivor instead, once: not
	 * where the survivor already takes part, nor where it leads.
	 */
	private void moveOtherProjects(Fields survivor, Fields merged, String by, List<Long> led) {
		// the survivor now leads projects it took part in: it is no more one of their
		// other actors
		List<Long> changed = new ArrayList<>(this.jdbc.sql("""
				delete from project_actor pa using project p
				where pa.project_id = p.id and p.lead_actor_id = :survivor and pa.actor_id in (:survivor, :merged)
				returning pa.project_id""")
			.param("survivor", survivor.id())
			.param("merged", merged.id())
			.query(Long.class)
			.list());
		changed.addAll(this.jdbc
			.sql("""
					delete from project_actor
					where actor_id = :merged and project_id in (select project_id from project_actor where actor_id = :survivor)
					returning project_id""")
			.param("survivor", survivor.id())
			.param("merged", merged.id())
			.query(Long.class)
			.list());
		changed.addAll(this.jdbc
			.sql("update project_actor set actor_id = :survivor where actor_id = :merged returning project_id")
			.param("survivor", survivor.id())
			.param("merged", merged.id())
			.query(Long.class)
			.list());
		Set<Long> projects = new LinkedHashSet<>(changed);
		projects.removeAll(led);
		if (projects.isEmpty()) {
			return;
		}
		this.jdbc.sql("update project set updated_at = :now, version = version + 1 where id in (:ids)")
			.param("now", now())
			.param("ids", List.copyOf(projects))
			.update();
		for (long project : projects) {
			this.history.record(History.Subject.PROJECT, project, "MERGED", by,
					List.of(FieldChange.of("moderation.field.other-actors", describe(merged), describe(survivor))),
					null, null);
		}
	}

	/** The survivor belongs to the networks of both. */
	private FieldChange moveNetworks(long survivorId, long mergedId) {
		String before = networks(survivorId);
		this.jdbc.sql("""
				insert into actor_network (actor_id, network_id)
				select :survivor, network_id from actor_network where actor_id = :merged
				on conflict do nothing""").param("survivor", survivorId).param("merged", mergedId).update();
		return FieldChange.of("census.field.networks", before, networks(survivorId));
	}

	private String networks(long actorId) {
		return String.join(", ", this.jdbc.sql("""
				select n.slug from actor_network an join network n on n.id = an.network_id
				where an.actor_id = :id order by n.slug""").param("id", actorId).query(String.class).list());
	}

	/**
	 * Moves were made in SQL: the survivor's document and its projects' are written
	 * again, the merged actor's removed, when the transaction commits.
	 */
	private void reindex(long survivorId, long mergedId) {
		SearchIndexingPlan plan = Search.session(this.entityManager).indexingPlan();
		plan.purge(Actor.class, mergedId, null);
		plan.addOrUpdate(this.entityManager.find(Actor.class, survivorId));
		this.entityManager.createQuery(
				"select distinct p from Project p left join p.otherActors o where p.leadActor.id = :id or o.id = :id",
				Project.class)
			.setParameter("id", survivorId)
			.getResultList()
			.forEach(plan::addOrUpdate);
	}

	private Fields fields(long id) {
		return this.jdbc.sql("""
				select id, slug, name, commune_insee, acronym, siren_siret, rna, description, address_line, postal_code,
				       website, email, phone, founding_year, last_census_campaign_id, last_census_response_at
				from actor where id = :id""").param("id", id).query((rs, i) -> {
			short year = rs.getShort("founding_year");
			Short foundingYear = rs.wasNull() ? null : year;
			return new Fields(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("commune_insee"), rs.getString("acronym"), rs.getString("siren_siret"),
					rs.getString("rna"), rs.getString("description"), rs.getString("address_line"),
					rs.getString("postal_code"), rs.getString("website"), rs.getString("email"), rs.getString("phone"),
					foundingYear, (Integer) rs.getObject("last_census_campaign_id"),
					rs.getObject("last_census_response_at", OffsetDateTime.class));
		}).single();
	}

	private String describe(Fields actor) {
		return message("duplicates.history.actor", actor.name(), actor.slug(), actor.id());
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.FRENCH);
	}

	private static String either(String kept, String other) {
		return blank(kept) ? other : kept;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * The update time of the rows a merge changes: the application's clock, which stamps
	 * every other change of an entry.
	 */
	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
