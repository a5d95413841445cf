package fr.lianes.repertoire.backup;

/** A backup that this version cannot or will not restore; the message says why. */
class RestoreRefusedException extends RuntimeException {

	RestoreRefusedException(String message) {
		super(message);
	}

}
