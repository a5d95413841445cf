package fr.lianes.repertoire.reference;

/**
 * A named territory as shown and filtered on.
 */
public record TerritoryRef(short id, String slug, String name) {

}
