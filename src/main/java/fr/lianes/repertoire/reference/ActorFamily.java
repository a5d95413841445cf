package fr.lianes.repertoire.reference;

/**
 * The families actor types are grouped in for statistics.
 */
public enum ActorFamily {

	ASSOCIATIONS, EDUCATION, LOCAL_AUTHORITIES, HEALTH, ECONOMIC, OTHER

}
