package fr.lianes.repertoire.directory;

/** Why an actor is suspected to be another entry. */
public enum SuspectReason {

	/** The same SIREN: the first nine digits of the SIRET. */
	SIREN,

	/** The same number in the Répertoire national des associations. */
	RNA,

	/** A similar name in the same commune. */
	NAME

}
