package fr.lianes.repertoire.demo;

import java.util.List;

import fr.lianes.repertoire.demo.Places.Partner;
import fr.lianes.repertoire.demo.GeneratorLists.Commune;

/**
 * What an actor is about, decided before its row is written: the projects generated for
 * it follow the same countries, towns and themes, so its page reads consistently.
 *
 * @param name the actor's name
 * @param acronym its acronym, or null
 * @param type the actor type code
 * @param commune where it is
 * @param address street address, or null for a generated one
 * @param website the website, or null for a generated one (or none)
 * @param description the description, or null for a generated one
 * @param focus the main partner country
 * @param town the main partner town in that country
 * @param second another partner country, or null
 * @param themes the top-level domain slugs it works in, the first one the main
 * @param respondent whether it answered the demo census
 * @param real whether it is a real organisation (no generated identifiers nor contacts)
 */
record ActorSpec(String name, String acronym, String type, Commune commune, String address, String website,
		String description, Partner focus, String town, Partner second, List<String> themes, boolean respondent,
		boolean real) {

}
