package fr.lianes.repertoire.reference;

import java.util.Set;

/**
 * An entry of a reference list as the modules that use it know it: what a change or a
 * deletion is about, for {@link ReferenceDependents}.
 */
public sealed interface ReferenceEntry {

	/** An actor type, by its code. */
	record ActorType(String code) implements ReferenceEntry {
	}

	/** A domain, by its id and its slug (which questionnaire answers name). */
	record Domain(short id, String slug) implements ReferenceEntry {
	}

	/** Domains renamed together: a domain and its sub-domains, whose names carry it. */
	record Domains(Set<Short> ids) implements ReferenceEntry {
	}

	/** A named territory. */
	record Territory(short id) implements ReferenceEntry {
	}

	/** An inter-municipal body (EPCI), by its SIREN. */
	record Epci(String siren) implements ReferenceEntry {
	}

}
