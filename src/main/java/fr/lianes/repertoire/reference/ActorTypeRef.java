package fr.lianes.repertoire.reference;

/**
 * An actor type as shown and filtered on.
 */
public record ActorTypeRef(String code, String name, ActorFamily family) {

}
