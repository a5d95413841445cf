package fr.lianes.repertoire.moderation.duplicates;

import java.util.List;
import java.util.Set;

import fr.lianes.repertoire.directory.ActorCard;
import fr.lianes.repertoire.directory.DuplicateActors;
import fr.lianes.repertoire.directory.DuplicateActors.Suspect;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actors a submission or an actor may duplicate, as moderators see them: the same
 * SIREN, the same RNA, or a name at least {@value #NAME_SIMILARITY} similar in the same
 * commune, whether published or not, without the pairs dismissed as not duplicates.
 */
@Service
public class DuplicateSuspects {

	/**
	 * The lowest trigram similarity (PostgreSQL pg_trgm, 0 to 1) of two lower-case,
	 * unaccented names that makes them suspects.
	 */
	public static final double NAME_SIMILARITY = DuplicateActors.NAME_SIMILARITY;

	/** At most this many suspects are shown for one entry. */
	static final int MAX_SUSPECTS = 50;

	private final DuplicateActors actors;

	DuplicateSuspects(DuplicateActors actors) {
		this.actors = actors;
	}

	/**
	 * The suspected duplicates of an entry, the surest first: same SIREN, same RNA, then
	 * by name similarity.
	 * @param siret a SIREN or SIRET as typed (spaces, dots, dashes allowed); ignored when
	 * invalid or null
	 * @param rna an RNA number (W + 9 characters); ignored when invalid or null
	 * @param name the structure's name; ignored when null or without a commune
	 * @param communeInsee the INSEE code of its commune, or null
	 * @param excludeActorId the entry's own actor (an update), or null for a new one:
	 * left out, and so are the pairs it was dismissed with
	 */
	@Transactional(readOnly = true)
	public List<Suspect> suspectsFor(String siret, String rna, String name, String communeInsee, Long excludeActorId) {
		List<Suspect> suspects = this.actors.suspects(siret, rna, name, communeInsee, excludeActorId, NAME_SIMILARITY,
				MAX_SUSPECTS);
		if (excludeActorId == null || suspects.isEmpty()) {
			return suspects;
		}
		Set<Long> dismissed = this.actors.dismissedWith(excludeActorId);
		return suspects.stream().filter((suspect) -> !dismissed.contains(suspect.actorId())).toList();
	}

	/** The suspected duplicates of an actor of the directory. */
	@Transactional(readOnly = true)
	List<Suspect> suspectsOf(ActorCard actor) {
		return suspectsFor(actor.sirenSiret(), actor.rna(), actor.name(), actor.communeInsee(), actor.id());
	}

}
