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
 * through Apache POI's streaming (SAX) reader, ODS through the JDK's StAX reader. The
 * first row with something in it is the header; blank rows are skipped; each row keeps
 * its line (CSV) or row (XLSX) number.
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
			case ODS -> readOds(file, handler);
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

	/**
	 * Reads the first sheet of an OpenDocument spreadsheet: its {@code content.xml}
	 * streamed with StAX, never whole. Each cell is its text as shown (a date as it is
	 * written, « 12/03/1998 »); repeated rows and cells are repeated, but blank ones,
	 * which office tools repeat up to the end of the sheet, are only counted.
	 */
	private static void readOds(Path file, RowHandler handler) throws IOException {
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
			java.util.zip.ZipEntry content = zip.getEntry("content.xml");
			if (content == null) {
				throw new UnreadableFileException("ODS without content.xml", null);
			}
			try (InputStream in = zip.getInputStream(content)) {
				javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newFactory();
				factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
				factory.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
				javax.xml.stream.XMLStreamReader xml = factory.createXMLStreamReader(in);
				try {
					new OdsSheet(xml, handler).read();
				}
				finally {
					xml.close();
				}
			}
		}
		catch (java.util.zip.ZipException | javax.xml.stream.XMLStreamException ex) {
			throw new UnreadableFileException("ODS " + ex.getMessage(), ex);
		}
	}

	/** The rows of an OpenDocument spreadsheet's first table. */
	private static final class OdsSheet {

		private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

		private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

		/** The most a non-blank row or cell is repeated. */
		private static final int MAX_REPEAT = 1024;

		private final javax.xml.stream.XMLStreamReader xml;

		private final RowHandler handler;

		private boolean headerSeen;

		private int rowNumber;

		OdsSheet(javax.xml.stream.XMLStreamReader xml, RowHandler handler) {
			this.xml = xml;
			this.handler = handler;
		}

		void read() throws javax.xml.stream.XMLStreamException {
			int depth = -1;
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT
						&& TABLE.equals(this.xml.getNamespaceURI())) {
					String name = this.xml.getLocalName();
					if ("table".equals(name)) {
						depth = 0;
					}
					else if (depth >= 0 && "table-row".equals(name)) {
						row();
					}
				}
				else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT && depth >= 0
						&& TABLE.equals(this.xml.getNamespaceURI()) && "table".equals(this.xml.getLocalName())) {
					return;
				}
			}
		}

		/** A row, from its start to its end. */
		private void row() throws javax.xml.stream.XMLStreamException {
			int repeat = repeat("number-rows-repeated");
			List<String> cells = new ArrayList<>();
			int blanks = 0;
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT
						&& TABLE.equals(this.xml.getNamespaceURI()) && ("table-cell".equals(this.xml.getLocalName())
								|| "covered-table-cell".equals(this.xml.getLocalName()))) {
					int times = repeat("number-columns-repeated");
					String value = cellText().strip();
					if (value.isEmpty()) {
						blanks += times;
					}
					else {
						for (; blanks > 0 && cells.size() < MAX_REPEAT; blanks--) {
							cells.add("");
						}
						blanks = 0;
						for (int i = 0; i < Math.min(times, MAX_REPEAT); i++) {
							cells.add(value);
						}
					}
				}
				else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT
						&& TABLE.equals(this.xml.getNamespaceURI()) && "table-row".equals(this.xml.getLocalName())) {
					break;
				}
			}
			if (cells.isEmpty()) {
				this.rowNumber += repeat;
				return;
			}
			for (int i = 0; i < Math.min(repeat, MAX_REPEAT); i++) {
				this.rowNumber++;
				if (!this.headerSeen) {
					this.headerSeen = true;
					this.handler.header(List.copyOf(cells));
				}
				else {
					this.handler.row(this.rowNumber, List.copyOf(cells));
				}
			}
		}

		private int repeat(String attribute) {
			String value = this.xml.getAttributeValue(TABLE, attribute);
			try {
				return (value != null) ? Math.max(1, Integer.parseInt(value)) : 1;
			}
			catch (NumberFormatException ex) {
				return 1;
			}
		}

		/**
		 * The text of the cell the reader is at the start of, its paragraphs on lines of
		 * their own; the reader is left at the cell's end.
		 */
		private String cellText() throws javax.xml.stream.XMLStreamException {
			StringBuilder text = new StringBuilder();
			int depth = 1;
			boolean firstParagraph = true;
			while (depth > 0 && this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT
						&& "annotation".equals(this.xml.getLocalName())) {
					skip();
				}
				else if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
					depth++;
					if (TEXT.equals(this.xml.getNamespaceURI())) {
						switch (this.xml.getLocalName()) {
							case "p" -> {
								if (!firstParagraph) {
									text.append('\n');
								}
								firstParagraph = false;
							}
							case "s" -> {
								String count = this.xml.getAttributeValue(TEXT, "c");
								int spaces = 1;
								try {
									spaces = (count != null) ? Math.min(1000, Integer.parseInt(count)) : 1;
								}
								catch (NumberFormatException ex) {
									// one space
								}
								text.append(" ".repeat(Math.max(1, spaces)));
							}
							case "tab" -> text.append('\t');
							case "line-break" -> text.append('\n');
							default -> {
							}
						}
					}
				}
				else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
				else if (event == javax.xml.stream.XMLStreamConstants.CHARACTERS
						|| event == javax.xml.stream.XMLStreamConstants.CDATA) {
					if (depth > 1) {
						text.append(this.xml.getText());
					}
				}
			}
			return text.toString();
		}

		/** Skips the element the reader is at the start of (a comment on a cell). */
		private void skip() throws javax.xml.stream.XMLStreamException {
			int depth = 1;
			while (depth > 0 && this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
					depth++;
				}
				else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
			}
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
