package fr.lianes.repertoire.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a table file row by row, never whole: CSV through Apache Commons CSV, XLSX
 * through Apache POI's streaming (SAX) reader. The first row with something in it is the
 * header; blank rows are skipped; each row keeps its line (CSV) or row (XLSX) number.
 */
final class TableReader {

	/** What is done with the rows read. */
	interface RowHandler {

		void header(List<String> cells);

		void row(int line, List<String> cells);

	}

	/** A file that cannot be read as the format says. */
	static final class UnreadableFileException extends IOException {

		UnreadableFileException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private TableReader() {
	}

	static void read(Path file, TableFormat format, RowHandler handler) throws IOException {
		switch (format.kind()) {
			case CSV -> readCsv(file, format, handler);
			case XLSX -> readXlsx(file, handler);
			case ODS -> throw new UnreadableFileException("ODS", null);
		}
	}

	/** How many rows (the header and blank rows aside) a file has, read as it is. */
	static long count(Path file, TableFormat format) throws IOException {
		long[] rows = new long[1];
		read(file, format, new RowHandler() {
			@Override
			public void header(List<String> cells) {
			}

			@Override
			public void row(int line, List<String> cells) {
				rows[0]++;
			}
		});
		return rows[0];
	}

	/** The header of a file, to map its columns. */
	static List<String> header(Path file, TableFormat format) throws IOException {
		List<String> header = new ArrayList<>();
		if (format.kind() == TableFormat.Kind.ODS) {
			return header;
		}
		try {
			read(file, format, new RowHandler() {
				@Override
				public void header(List<String> cells) {
					header.addAll(cells);
					throw new StopReading();
				}

				@Override
				public void row(int line, List<String> cells) {
				}
			});
		}
		catch (StopReading ex) {
			// the header is all that was wanted
		}
		catch (UnreadableFileException ex) {
			// no columns: the mapping page says the file cannot be read
		}
		return header;
	}

	private static final class StopReading extends RuntimeException {

		StopReading() {
			super(null, null, false, false);
		}

	}

	private static void readCsv(Path file, TableFormat format, RowHandler handler) throws IOException {
		InputStream in = Files.newInputStream(file);
		if (format.bom()) {
			in.skipNBytes(3);
		}
		Reader reader = new InputStreamReader(in,
				format.charset()
					.newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE));
		CSVFormat csv = CSVFormat.DEFAULT.builder()
			.setDelimiter(format.separator())
			.setIgnoreEmptyLines(false)
			.setTrim(true)
			.get();
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csv).get()) {
			boolean headerSeen = false;
			long lastEnd = 0;
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				long line = lastEnd + 1;
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (java.io.UncheckedIOException ex) {
					throw new UnreadableFileException("CSV " + ex.getCause().getMessage(), ex);
				}
				lastEnd = parser.getCurrentLineNumber();
				List<String> cells = record.toList();
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (!headerSeen) {
					headerSeen = true;
					handler.header(cells);
				}
				else {
					handler.row((int) line, cells);
				}
			}
		}
	}

	private static void readXlsx(Path file, RowHandler handler) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				return;
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
						new DataFormatter(Locale.FRANCE), false));
				xml.parse(new InputSource(sheet));
			}
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException
				| org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException ex) {
			throw new UnreadableFileException("XLSX " + ex.getMessage(), ex);
		}
	}

	/** Collects the cells of each spreadsheet row by column. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler handler;

		private final List<String> cells = new ArrayList<>();

		private boolean headerSeen;

		Rows(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			if (this.cells.stream().allMatch((c) -> c == null || c.isBlank())) {
				return;
			}
			List<String> row = this.cells.stream().map((c) -> (c != null) ? c.strip() : "").toList();
			if (!this.headerSeen) {
				this.headerSeen = true;
				this.handler.header(row);
			}
			else {
				this.handler.row(rowNum + 1, row);
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.cells.size();
			while (this.cells.size() <= column) {
				this.cells.add(null);
			}
			this.cells.set(column, value);
		}

	}

}
