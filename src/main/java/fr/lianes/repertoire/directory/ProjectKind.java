package fr.lianes.repertoire.directory;

/**
 * A cooperation project abroad, a decentralised-cooperation agreement between a French
 * local authority and a foreign one, or a development-education action in the region.
 */
public enum ProjectKind {

	COOPERATION, DECENTRALISED_COOPERATION, DEVELOPMENT_EDUCATION

}
