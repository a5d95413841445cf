package fr.lianes.repertoire.reference;

/**
 * What a change of a reference list did.
 *
 * @param result what the change returns (the entry as saved...)
 * @param reindexing how many search entries are being refreshed in the background because
 * they carry the changed name; 0 when none
 */
public record ListChange<T>(T result, long reindexing) {
}
