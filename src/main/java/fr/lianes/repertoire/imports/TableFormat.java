package fr.lianes.repertoire.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How a file is written: a CSV file's character set and separator, or a spreadsheet.
 * {@link #detect} guesses it; a person can override the character set and separator.
 *
 * @param kind CSV, XLSX or ODS
 * @param charset a CSV file's character set
 * @param bom whether a CSV file starts with a UTF-8 byte order mark
 * @param separator a CSV file's separator
 */
record TableFormat(Kind kind, Charset charset, boolean bom, char separator) {

	enum Kind {

		CSV, XLSX, ODS

	}

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** The character sets a person can choose. */
	static final java.util.List<Charset> CHARSETS = java.util.List.of(StandardCharsets.UTF_8, WINDOWS_1252,
			Charset.forName("ISO-8859-15"), StandardCharsets.UTF_16);

	/** The separators a person can choose. */
	static final String SEPARATORS = ";,\t";

	/**
	 * Guesses the format: spreadsheets by their name or signature (an ODS file's
	 * {@code mimetype}); a CSV file's character set by its byte order mark (UTF-8, or
	 * UTF-16 as Excel's « Texte Unicode » writes it), else {@link #detectCharset}; its
	 * separator is the one of {@code ; , tab} its first line has most of (outside
	 * quotes).
	 */
	static TableFormat detect(Path file, String name) throws IOException {
		String lower = name.toLowerCase(Locale.ROOT);
		byte[] head = new byte[4];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, 4);
		}
		boolean zip = read >= 2 && head[0] == 'P' && head[1] == 'K';
		if (zip && isOpenDocument(file) || !zip && lower.endsWith(".ods")) {
			return new TableFormat(Kind.ODS, null, false, ';');
		}
		if (lower.endsWith(".xlsx") || zip) {
			return new TableFormat(Kind.XLSX, null, false, ';');
		}
		boolean bom = read >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
		boolean utf16 = read >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
				|| ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF));
		Charset charset = bom ? StandardCharsets.UTF_8 : (utf16 ? StandardCharsets.UTF_16 : detectCharset(file));
		return new TableFormat(Kind.CSV, charset, bom, separator(file, charset, bom));
	}

	/**
	 * A CSV file's character set: UTF-8 when all of it decodes as UTF-8 (a sample would
	 * miss an accent far down a file), else the one ICU4J's detector finds most likely in
	 * its first 64 KB among those a person can choose, Windows-1252 (the character set of
	 * office tools on Windows, a superset of ISO-8859-1 for what is printable) by
	 * default.
	 */
	private static Charset detectCharset(Path file) throws IOException {
		if (isUtf8(file)) {
			return StandardCharsets.UTF_8;
		}
		byte[] sample;
		try (InputStream in = Files.newInputStream(file)) {
			sample = in.readNBytes(64 * 1024);
		}
		com.ibm.icu.text.CharsetDetector detector = new com.ibm.icu.text.CharsetDetector();
		detector.setText(sample);
		for (com.ibm.icu.text.CharsetMatch match : detector.detectAll()) {
			String name = match.getName();
			if ("ISO-8859-1".equalsIgnoreCase(name) || "windows-1252".equalsIgnoreCase(name)) {
				return WINDOWS_1252;
			}
			for (Charset charset : CHARSETS) {
				if (charset.name().equalsIgnoreCase(name) && charset != StandardCharsets.UTF_8) {
					return charset;
				}
			}
		}
		return WINDOWS_1252;
	}

	/**
	 * Whether a zip file is an OpenDocument spreadsheet (its {@code mimetype} says so).
	 */
	private static boolean isOpenDocument(Path file) {
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
			java.util.zip.ZipEntry mimetype = zip.getEntry("mimetype");
			if (mimetype == null) {
				return false;
			}
			try (InputStream in = zip.getInputStream(mimetype)) {
				return new String(in.readNBytes(100), StandardCharsets.US_ASCII)
					.startsWith("application/vnd.oasis.opendocument.spreadsheet");
			}
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** This format with a person's choice of character set and separator. */
	TableFormat with(Charset charset, Character separator) {
		return new TableFormat(this.kind, (charset != null) ? charset : this.charset, this.bom,
				(separator != null) ? separator : this.separator);
	}

	/** Whether the whole file decodes as UTF-8: read in blocks, never whole. */
	private static boolean isUtf8(Path file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
		CharBuffer chars = CharBuffer.allocate(64 * 1024);
		try (InputStream in = Files.newInputStream(file)) {
			byte[] block = new byte[32 * 1024];
			int n;
			while ((n = in.read(block)) > 0) {
				bytes.put(block, 0, n);
				bytes.flip();
				chars.clear();
				if (decoder.decode(bytes, chars, false).isError()) {
					return false;
				}
				bytes.compact();
			}
			bytes.flip();
			chars.clear();
			return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError();
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static char separator(Path file, Charset charset, boolean bom) throws IOException {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
				charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
			String line;
			while ((line = reader.readLine()) != null && line.isBlank()) {
				// the first line with something on it
			}
			if (line == null) {
				return ';';
			}
			int[] counts = new int[SEPARATORS.length()];
			boolean quoted = false;
			for (char c : line.toCharArray()) {
				if (c == '"') {
					quoted = !quoted;
				}
				int at = SEPARATORS.indexOf(c);
				if (!quoted && at >= 0) {
					counts[at]++;
				}
			}
			int best = 0;
			for (int i = 1; i < counts.length; i++) {
				if (counts[i] > counts[best]) {
					best = i;
				}
			}
			return SEPARATORS.charAt(best);
		}
	}

	/** The character set's name (for pages: templates may not call the JDK's classes). */
	public String charsetName() {
		return (this.charset != null) ? this.charset.name() : "";
	}

	public String kindName() {
		return this.kind.name();
	}

	/** The separator as a form sends it: {@code ;}, {@code ,} or {@code tab}. */
	public String separatorName() {
		return (this.separator == '\t') ? "tab" : String.valueOf(this.separator);
	}

	static Character separatorOf(String name) {
		if (name == null || name.isEmpty()) {
			return null;
		}
		return "tab".equals(name) ? '\t' : (SEPARATORS.indexOf(name.charAt(0)) >= 0 ? name.charAt(0) : null);
	}

}
