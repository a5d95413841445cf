package fr.lianes.repertoire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables the SQL and JPQL of a Java source names, and the ones that belong to
 * another module than the source's. Plain Java, no Spring: it reads the string literals
 * and text blocks of a source (comments and char literals skipped, escapes honoured),
 * joins the literals written as {@code "a" + "b"}, and looks in each piece for the words
 * that name a table ({@code from}, {@code join}, {@code into}, {@code update}…).
 */
final class TableScanner {

	/** How a piece of SQL uses a table. */
	enum Use {

		/** Reads it ({@code from}, {@code join}). */
		READ,
		/**
		 * Writes it ({@code insert into}, {@code update}, {@code delete from},
		 * {@code copy}…).
		 */
		WRITE,
		/** Locks its rows ({@code for update}, {@code for share}). */
		LOCK,
		/** Names a table only known when the code runs ({@code " from " + table}). */
		DYNAMIC

	}

	/**
	 * A table named by a module that does not own it.
	 *
	 * @param file the source, relative to the modules' root
	 * ({@code census/EntryWriter.java})
	 */
	record Violation(String file, int line, Use use, String table, String owner) {

		/** What the known-violations list holds: the file, the use and the table. */
		String key() {
			return this.file + " " + this.use.name().toLowerCase(Locale.ROOT) + " " + this.table;
		}

		@Override
		public String toString() {
			return this.file + ":" + this.line + " " + this.use.name().toLowerCase(Locale.ROOT) + " " + this.table
					+ ((this.owner != null) ? " (owner " + this.owner + ")" : "");
		}

	}

	private static final Pattern NAMING = Pattern.compile(
			"\\b(from|join|into|update|table|truncate|copy|using|analyze)\\s+(?:only\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern LOCKING = Pattern.compile("\\bfor\\s+(no\\s+key\\s+)?update\\b|\\bfor\\s+share\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DELETE_BEFORE = Pattern.compile("\\bdelete\\s+$", Pattern.CASE_INSENSITIVE);

	private static final Pattern ENDS_NAMING = Pattern
		.compile("(^|\\s)(from|join|into|update|table|truncate|copy)\\s*$", Pattern.CASE_INSENSITIVE);

	private static final Set<String> WRITING = Set.of("into", "update", "table", "truncate", "copy", "analyze");

	private final Map<String, String> owners;

	private final Map<String, Set<String>> readOnlyFor;

	private final Map<String, String> entityTables;

	private final Set<String> dynamicAllowed;

	/**
	 * @param owners each table's owning module
	 * @param readOnlyFor the foreign tables a module may read (never write nor lock)
	 * @param entityTables the table of each JPA entity, by the entity's name
	 * @param dynamicAllowed the sources allowed to name tables known only at run time
	 */
	TableScanner(Map<String, String> owners, Map<String, Set<String>> readOnlyFor, Map<String, String> entityTables,
			Set<String> dynamicAllowed) {
		this.owners = owners;
		this.readOnlyFor = readOnlyFor;
		this.entityTables = entityTables;
		this.dynamicAllowed = dynamicAllowed;
	}

	/**
	 * The violations of one source.
	 * @param file the source's path relative to the modules' root; its first segment is
	 * its module (a file at the root belongs to the application and owns nothing)
	 */
	List<Violation> scan(String file, String source) {
		String module = file.contains("/") ? file.substring(0, file.indexOf('/')) : "application";
		List<Violation> found = new ArrayList<>();
		for (Piece piece : pieces(source)) {
			if (piece.followedByCode() && ENDS_NAMING.matcher(piece.text()).find()
					&& !this.dynamicAllowed.contains(file)) {
				found.add(new Violation(file, piece.line(), Use.DYNAMIC, "?", null));
			}
			boolean locking = LOCKING.matcher(piece.text()).find();
			Matcher m = NAMING.matcher(piece.text());
			while (m.find()) {
				String word = m.group(1).toLowerCase(Locale.ROOT);
				String table = table(m.group(2));
				String owner = this.owners.get(table);
				if (owner == null || owner.equals(module)) {
					continue;
				}
				Use use = use(word, piece.text().substring(0, m.start()), locking);
				if (use == Use.READ && this.readOnlyFor.getOrDefault(module, Set.of()).contains(table)) {
					continue;
				}
				found.add(new Violation(file, piece.line() + lines(piece.text(), m.start()), use, table, owner));
			}
		}
		return found;
	}

	private String table(String name) {
		String entity = this.entityTables.get(name);
		return (entity != null) ? entity : name.toLowerCase(Locale.ROOT);
	}

	private static Use use(String word, String before, boolean locking) {
		if (WRITING.contains(word) || (word.equals("from") && DELETE_BEFORE.matcher(before).find())) {
			return Use.WRITE;
		}
		if (locking && (word.equals("from") || word.equals("join"))) {
			return Use.LOCK;
		}
		return Use.READ;
	}

	private static int lines(String text, int end) {
		int n = 0;
		for (int i = 0; i < end; i++) {
			if (text.charAt(i) == '\n') {
				n++;
			}
		}
		return n;
	}

	/**
	 * A string literal, a text block, or literals joined by {@code +}, with the line it
	 * starts on and whether code other than a literal is added to it.
	 */
	record Piece(String text, int line, boolean followedByCode) {
	}

	private enum Kind {

		LITERAL, PLUS, CODE

	}

	private record Token(Kind kind, String text, int line) {
	}

	static List<Piece> pieces(String source) {
		List<Token> tokens = tokens(source);
		List<Piece> pieces = new ArrayList<>();
		int i = 0;
		while (i < tokens.size()) {
			Token token = tokens.get(i);
			if (token.kind() != Kind.LITERAL) {
				i++;
				continue;
			}
			StringBuilder text = new StringBuilder(token.text());
			int j = i + 1;
			while (j + 1 < tokens.size() && tokens.get(j).kind() == Kind.PLUS
					&& tokens.get(j + 1).kind() == Kind.LITERAL) {
				text.append(tokens.get(j + 1).text());
				j += 2;
			}
			boolean followedByCode = j + 1 < tokens.size() && tokens.get(j).kind() == Kind.PLUS;
			pieces.add(new Piece(text.toString(), token.line(), followedByCode));
			i = j;
		}
		return pieces;
	}

	private static List<Token> tokens(String s) {
		List<Token> tokens = new ArrayList<>();
		int line = 1;
		int i = 0;
		int n = s.length();
		while (i < n) {
			char c = s.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			}
			else if (Character.isWhitespace(c)) {
				i++;
			}
			else if (s.startsWith("//", i)) {
				while (i < n && s.charAt(i) != '\n') {
					i++;
				}
			}
			else if (s.startsWith("/*", i)) {
				int end = s.indexOf("*/", i + 2);
				end = (end < 0) ? n : end + 2;
				line += lines(s.substring(i, end), end - i);
				i = end;
			}
			else if (s.startsWith("\"\"\"", i)) {
				int start = line;
				StringBuilder text = new StringBuilder();
				i += 3;
				while (i < n && !s.startsWith("\"\"\"", i)) {
					char d = s.charAt(i);
					if (d == '\\' && i + 1 < n) {
						text.append(s.charAt(i + 1) == '\n' ? ' ' : s.charAt(i + 1));
						if (s.charAt(i + 1) == '\n') {
							line++;
						}
						i += 2;
						continue;
					}
					if (d == '\n') {
						line++;
					}
					text.append(d);
					i++;
				}
				i += 3;
				tokens.add(new Token(Kind.LITERAL, text.toString(), start));
			}
			else if (c == '"' || c == '\'') {
				StringBuilder text = new StringBuilder();
				i++;
				while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
					if (s.charAt(i) == '\\' && i + 1 < n) {
						text.append(s.charAt(i + 1));
						i += 2;
						continue;
					}
					text.append(s.charAt(i));
					i++;
				}
				i++;
				if (c == '"') {
					tokens.add(new Token(Kind.LITERAL, text.toString(), line));
				}
				else {
					tokens.add(new Token(Kind.CODE, "'", line));
				}
			}
			else if (c == '+' && (i + 1 >= n || (s.charAt(i + 1) != '+' && s.charAt(i + 1) != '='))) {
				tokens.add(new Token(Kind.PLUS, "+", line));
				i++;
			}
			else {
				int start = i;
				while (i < n && !Character.isWhitespace(s.charAt(i)) && "\"'+/".indexOf(s.charAt(i)) < 0) {
					i++;
				}
				if (i == start) {
					i++;
				}
				tokens.add(new Token(Kind.CODE, s.substring(start, i), line));
			}
		}
		return tokens;
	}

}
