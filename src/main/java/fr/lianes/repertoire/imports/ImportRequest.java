package fr.lianes.repertoire.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An import to run or to try: its files, each with its format and column mapping, the
 * values a person mapped by hand, whether new actors are published, and who imports.
 *
 * @param valueMapping « TYPE:key » or « DOMAIN:key » (see {@link Vocabulary#key}) to an
 * actor type's code or a domain's slug
 */
record ImportRequest(List<ImportFile> files, Map<String, String> valueMapping, boolean publish, String by) {

	/** A file to import, under the name its user knows it by. */
	record ImportFile(Path path, String name, TableFormat format, ColumnMapping mapping) {
	}

}
