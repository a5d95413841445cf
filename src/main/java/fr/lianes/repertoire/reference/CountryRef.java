package fr.lianes.repertoire.reference;

/**
 * A country as shown and filtered on.
 */
public record CountryRef(String iso2, String name, String region, String subregion, String continent) {

}
