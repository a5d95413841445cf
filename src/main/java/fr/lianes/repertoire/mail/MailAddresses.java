package fr.lianes.repertoire.mail;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The one shape of recipient accepted: a single bare address ({@code name@domain}), so
 * that no value can add a header, a second recipient or a display name.
 */
final class MailAddresses {

	static final int MAX_LENGTH = 254;

	/**
	 * Printable characters only, one {@code @}, no separator of address lists or display
	 * names, and a domain of several labels ending with a top-level domain of two or more
	 * characters starting with a letter: {@code a@b} or {@code a@1.2.3.4} cannot receive
	 * mail. Stricter than RFC 5322 on purpose; what remains is then parsed strictly.
	 */
	private static final Pattern BARE_ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
			+ "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]");

	private MailAddresses() {
	}

	/**
	 * The address, stripped of surrounding spaces.
	 * @throws IllegalArgumentException if it is not a single bare address
	 */
	static String requireValid(String value) {
		if (value == null) {
			throw new IllegalArgumentException("A recipient is required");
		}
		// a line break is refused, not trimmed: it is what header injection is made of
		if (value.codePoints().anyMatch((c) -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
			throw new IllegalArgumentException("Not a single mail address: " + mask(value));
		}
		String address = value.strip();
		if (address.length() > MAX_LENGTH || !BARE_ADDRESS.matcher(address).matches() || address.contains("..")) {
			throw new IllegalArgumentException("Not a single mail address: " + mask(address));
		}
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
				throw new IllegalArgumentException("Not a single mail address: " + mask(address));
			}
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Not a single mail address: " + mask(address), ex);
		}
		return address;
	}

	/** The key of an address in {@code mail_opt_out}. */
	static String normalize(String value) {
		return requireValid(value).toLowerCase(Locale.ROOT);
	}

	/**
	 * The address as logs may show it: {@code c***@asso.example}. Control characters are
	 * dropped so that a refused value cannot forge log lines.
	 */
	static String mask(String value) {
		if (value == null) {
			return "null";
		}
		String printable = value.replaceAll("\\p{Cntrl}", "?");
		int at = printable.lastIndexOf('@');
		if (at <= 0) {
			return "***";
		}
		String domain = printable.substring(at + 1);
		return printable.charAt(0) + "***@" + (domain.length() > 64 ? domain.substring(0, 64) + "…" : domain);
	}

}
