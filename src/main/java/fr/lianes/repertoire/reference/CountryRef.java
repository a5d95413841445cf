package fr.lianes.repertoire.reference;

/**
 * A country as shown and filtered on.
 *
 * @param numericCode ISO 3166-1 numeric, as the world map names countries; may be null
 */
public record CountryRef(String iso2, String name, String region, String subregion, String continent,
		String numericCode) {

}
