package fr.lianes.repertoire.reference;

import java.util.List;

/**
 * The codes of the IATI code list OrganisationType
 * ({@code reference/iati/OrganisationType.xml} of the shared folder), which an actor type
 * maps to for IATI exports. Their names are messages
 * ({@code reference.admin.iati.<code>}): the list has French names for only some of them.
 */
public final class IatiOrganisationTypes {

	public static final List<String> CODES = List.of("10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70",
			"71", "72", "73", "80", "90");

	private IatiOrganisationTypes() {
	}

}
