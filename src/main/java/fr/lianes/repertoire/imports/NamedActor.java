package fr.lianes.repertoire.imports;

import fr.lianes.repertoire.imports.ImportKeys.Key;

/**
 * An actor read earlier in the files under a name in a commune: its SIREN, RNA number and
 * address (as a key), kept in its key's detail.
 */
record NamedActor(int line, String siren, String rna, String address) {

	static NamedActor of(int line, String siren, String rna, String address) {
		return new NamedActor(line, siren, rna, (address != null) ? Vocabulary.key(address) : null);
	}

	/** Whether an identifier or the address says the two are different actors. */
	boolean differsFrom(NamedActor other) {
		return differ(this.siren, other.siren) || differ(this.rna, other.rna) || differ(this.address, other.address);
	}

	private static boolean differ(String a, String b) {
		return a != null && b != null && !a.equals(b);
	}

	/** The detail of its key: each part "-" for none or "+" and its value. */
	String detail() {
		return part(this.siren) + "|" + part(this.rna) + "|" + part(this.address);
	}

	static NamedActor of(Key key) {
		String[] parts = key.detail().split("\\|", 3);
		return new NamedActor(key.line(), value(parts[0]), value(parts[1]), value(parts[2]));
	}

	private static String part(String value) {
		return (value != null) ? "+" + value : "-";
	}

	private static String value(String part) {
		return part.startsWith("+") ? part.substring(1) : null;
	}

}
