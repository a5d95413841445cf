package fr.lianes.repertoire.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private static final String CONTACTS = """
			select cp.actor_id, cp.full_name, cp.role, cp.email, cp.phone,
			       coalesce(latest.granted_name, false) as name_public,
			       coalesce(latest.granted_email, false) as email_public,
			       coalesce(latest.granted_phone, false) as phone_public
			from contact_person cp
			join actor a on a.id = cp.actor_id and a.published
			cross join lateral (
			    select (select cc.granted from contact_consent cc where cc.contact_person_id = cp.id
			            and cc.field = 'NAME' order by cc.recorded_at desc, cc.id desc limit 1) as granted_name,
			           (select cc.granted from contact_consent cc where cc.contact_person_id = cp.id
			            and cc.field = 'EMAIL' order by cc.recorded_at desc, cc.id desc limit 1) as granted_email,
			           (select cc.granted from contact_consent cc where cc.contact_person_id = cp.id
			            and cc.field = 'PHONE' order by cc.recorded_at desc, cc.id desc limit 1) as granted_phone
			) latest
			where cp.actor_id in (:actors)
			order by cp.actor_id, cp.position, cp.id
			""";

	private final JdbcClient jdbc;

	private final NameInAddress nameInAddress;

	PublicContacts(JdbcClient jdbc, NameInAddress nameInAddress) {
		this.jdbc = jdbc;
		this.nameInAddress = nameInAddress;
	}

	/** The published contact persons of these actors, in their order, by actor id. */
	Map<Long, List<ActorView.PublicContact>> of(Collection<Long> actorIds) {
		Map<Long, List<ActorView.PublicContact>> contacts = new LinkedHashMap<>();
		if (actorIds.isEmpty()) {
			return contacts;
		}
		this.jdbc.sql(CONTACTS).param("actors", actorIds).query((rs) -> {
			String name = rs.getBoolean("name_public") ? rs.getString("full_name") : null;
			String email = (rs.getBoolean("email_public")
					&& (name != null || !this.nameInAddress.spells(rs.getString("full_name"), rs.getString("email"))))
							? rs.getString("email") : null;
			String phone = rs.getBoolean("phone_public") ? rs.getString("phone") : null;
			if (name != null || email != null || phone != null) {
				contacts.computeIfAbsent(rs.getLong("actor_id"), (id) -> new java.util.ArrayList<>())
					.add(new ActorView.PublicContact(name, rs.getString("role"), email, phone));
			}
		});
		return contacts;
	}

	List<ActorView.PublicContact> of(long actorId) {
		return of(List.of(actorId)).getOrDefault(actorId, List.of());
	}

}
