package fr.lianes.repertoire.directory;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Whether an email address spells a person's name ({@code camille.durand@…},
 * {@code cdurand@…}): published while the name is not, it would publish the name. The
 * directory's rule: the address of a contact who refused name publication is not
 * published when it spells their name (the questionnaire warns of it before).
 */
@Component("nameInAddress")
public class NameInAddress {

	/** Words of a name too common to give it away. */
	private static final Set<String> PARTICLES = Set.of("de", "du", "des", "la", "le", "les", "van", "von", "der",
			"den", "di", "da", "del", "mme", "mlle", "mr", "dr");

	/** Whether the address's local part holds a word of the name (3 letters or more). */
	public boolean spells(String fullName, String email) {
		return spellsName(fullName, email);
	}

	/**
	 * Whether a contact's address is held back although the person agreed to publish it:
	 * it spells their name, whose publication they refused.
	 */
	public static boolean holdsBack(String fullName, boolean publishName, String email, boolean publishEmail) {
		return publishEmail && !publishName && spellsName(fullName, email);
	}

	/** Whether the address's local part holds a word of the name (3 letters or more). */
	public static boolean spellsName(String fullName, String email) {
		if (fullName == null || email == null || email.indexOf('@') <= 0) {
			return false;
		}
		String local = letters(email.substring(0, email.indexOf('@')));
		return Arrays.stream(letters(fullName.replaceAll("[^\\p{L}]+", " ")).split(" "))
			.filter((word) -> word.length() >= 3 && !PARTICLES.contains(word))
			.anyMatch(local::contains);
	}

	/** Lower case, without accents, letters (and the spaces kept between words) only. */
	private static String letters(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]+", "").strip();
	}

}
