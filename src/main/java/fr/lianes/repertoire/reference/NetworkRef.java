package fr.lianes.repertoire.reference;

/**
 * A network an actor may say it belongs to.
 */
public record NetworkRef(int id, String slug, String name) {

}
