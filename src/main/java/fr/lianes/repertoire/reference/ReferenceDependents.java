package fr.lianes.repertoire.reference;

import java.util.List;
import java.util.Map;

/**
 * What the modules that use the reference lists tell the lists' administration, which
 * depends on none of them: how often an entry is used, what uses forbid deleting it, and
 * what must follow a rename or a move (their search documents carry names). Each module
 * that keeps rows naming list entries implements it as a bean; every method answers
 * "nothing" unless overridden.
 */
public interface ReferenceDependents {

	/** One use of an entry, which forbids deleting it: a message key and its count. */
	record Use(String messageKey, long count) {
	}

	/**
	 * What follows a committed change in a module: it starts the work and says how many
	 * entries it refreshes.
	 */
	@FunctionalInterface
	interface Refresh {

		Refresh NONE = (reasonKey, reasonArgs) -> 0;

		/**
		 * @param reasonKey the message naming the change (on the reindex page)
		 * @param reasonArgs its arguments
		 * @return how many entries are being refreshed
		 */
		long start(String reasonKey, List<String> reasonArgs);

	}

	/**
	 * The uses of an entry that forbid deleting it, read inside the deleting transaction
	 * once the entry is locked.
	 */
	default List<Use> usesOf(ReferenceEntry entry) {
		return List.of();
	}

	/**
	 * Inside the transaction that renamed or moved an entry: what of this module carries
	 * it, to refresh once the change is committed.
	 */
	default Refresh affectedBy(ReferenceEntry changed) {
		return Refresh.NONE;
	}

	/** The actors of each actor type, by code, for the list pages. */
	default Map<String, Long> actorsByType() {
		return Map.of();
	}

	/** The actors of each named territory, by id. */
	default Map<Short, Long> actorsByTerritory() {
		return Map.of();
	}

	/** The actors of each EPCI, by SIREN. */
	default Map<String, Long> actorsByEpci() {
		return Map.of();
	}

	/** The projects classified in each domain, by id. */
	default Map<Short, Long> projectsByDomain() {
		return Map.of();
	}

}
