package fr.lianes.repertoire.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Cells of the CSV and spreadsheet files the site gives out: a value a spreadsheet would
 * read as a formula is neutralised, and CSV lines follow RFC 4180.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/**
	 * The value as text a spreadsheet shows as it is: one starting with {@code = + - @},
	 * a tab or a carriage return gets a leading apostrophe (CSV injection).
	 */
	public static String neutralised(String value) {
		if (value == null || value.isEmpty()) {
			return (value != null) ? value : "";
		}
		return ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

	/**
	 * One RFC 4180 line with this separator: fields neutralised, quoted when they hold
	 * the separator, a quote or a line break; ends with CRLF.
	 */
	public static void line(Appendable out, List<String> fields, char separator) {
		try {
			for (int i = 0; i < fields.size(); i++) {
				String field = neutralised(fields.get(i));
				if (i > 0) {
					out.append(separator);
				}
				if (needsQuotes(field, separator)) {
					out.append('"').append(field.replace("\"", "\"\"")).append('"');
				}
				else {
					out.append(field);
				}
			}
			out.append("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean needsQuotes(String field, char separator) {
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == separator || c == '"' || c == '\r' || c == '\n') {
				return true;
			}
		}
		return false;
	}

}
