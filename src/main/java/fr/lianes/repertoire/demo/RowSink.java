package fr.lianes.repertoire.demo;

/**
 * Where a generation's rows go, table by table, parents before their children: the
 * database ({@link CopyWriter}) or the old directory's export ({@link LegacyExport}).
 */
interface RowSink {

	void row(CopyWriter.Table table, Object... values);

	/** Sends or writes every row received so far. */
	void flush();

}
