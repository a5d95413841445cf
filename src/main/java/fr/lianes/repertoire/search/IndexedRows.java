package fr.lianes.repertoire.search;

import java.util.function.LongSupplier;

/**
 * How many documents the index should hold for one indexed entity type, as the module
 * that owns its table counts them (published actors, public projects...). At start the
 * index is rebuilt when its documents do not add up to these counts.
 *
 * @param type the indexed entity class
 * @param expectedDocuments counts the rows that should have a document
 */
public record IndexedRows(Class<?> type, LongSupplier expectedDocuments) {

}
