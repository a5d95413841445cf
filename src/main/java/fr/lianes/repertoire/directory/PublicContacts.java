package fr.lianes.repertoire.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one rule of what leaves of a contact person, for the actor pages and every output
 * (downloads, API, widget): a field is public only while the latest consent recorded for
 * it ({@code contact_consent}, latest by date then by record) grants it, and only for a
 * published actor; a person none of whose fields is public is not shown at all, and their
 * role goes with them. The address of a person whose name is not public is not published
 * either when it spells the name ({@link NameInAddress}).
 */
@Component
class PublicContacts {

	/**
	 * The rule as a query: the persons of the published actors whose ids the query
	 * {@code :actors} gives (a list of ids or a query of them), with their published
	 * fields, null where not consented; one row per person who has at least one, in no
	 * order. Columns:
	 * {@code actor_id, position, id, full_name, name, role, email, phone};
	 * {@link #contact} takes the last decision, on the address that spells a hidden name.
	 */
	static String query(String actors) {
		return """
				select * from (
				    select cp.actor_id, cp.position, cp.id, cp.full_name,
				           case when bool_or(latest.field = 'NAME' and latest.granted) then cp.full_name end as name,
				           cp.role,
				           case when bool_or(latest.field = 'EMAIL' and latest.granted) then cp.email end as email,
				           case when bool_or(latest.field = 'PHONE' and latest.granted) then cp.phone end as phone
				    from contact_person cp
				    join actor a on a.id = cp.actor_id and a.published
				    join (select distinct on (cc.contact_person_id, cc.field) cc.contact_person_id, cc.field, cc.granted
				          from contact_consent cc join contact_person owner on owner.id = cc.contact_person_id
				          where owner.actor_id in (:actors)
				          order by cc.contact_person_id, cc.field, cc.recorded_at desc, cc.id desc) latest
				         on latest.contact_person_id = cp.id
				    where cp.actor_id in (:actors)
				    group by cp.id
				) person
				where person.name is not null or person.email is not null or person.phone is not null
				""".replace(":actors", actors);
	}

	/** {@link #query} for an array of actor ids, its one parameter, read once. */
	private static final String CONTACTS = "with wanted as (select unnest(?::bigint[]) as id)\n"
			+ query("select id from wanted") + "order by actor_id, position, id";

	private static final NameInAddress NAME_IN_ADDRESS = new NameInAddress();

	private final JdbcTemplate jdbc;

	PublicContacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The published contact of a row of {@link #query}: its email left out when the name
	 * is not public and the address spells it; null when nothing of the person is left.
	 */
	static ActorView.PublicContact contact(String fullName, String name, String role, String email, String phone) {
		String publicEmail = (email != null && name == null && NAME_IN_ADDRESS.spells(fullName, email)) ? null : email;
		if (name == null && publicEmail == null && phone == null) {
			return null;
		}
		return new ActorView.PublicContact(name, role, publicEmail, phone);
	}

	/** The published contact persons of these actors, in their order, by actor id. */
	Map<Long, List<ActorView.PublicContact>> of(Collection<Long> actorIds) {
		Map<Long, List<ActorView.PublicContact>> contacts = new LinkedHashMap<>();
		if (actorIds.isEmpty()) {
			return contacts;
		}
		GenericPlans.query(this.jdbc, CONTACTS, actorIds, (rs) -> {
			ActorView.PublicContact contact = contact(rs.getString("full_name"), rs.getString("name"),
					rs.getString("role"), rs.getString("email"), rs.getString("phone"));
			if (contact != null) {
				contacts.computeIfAbsent(rs.getLong("actor_id"), (id) -> new java.util.ArrayList<>()).add(contact);
			}
		});
		return contacts;
	}

	List<ActorView.PublicContact> of(long actorId) {
		return of(List.of(actorId)).getOrDefault(actorId, List.of());
	}

}
