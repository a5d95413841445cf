package fr.lianes.repertoire.moderation.reference;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the reference pages say after a change, on the page they redirect to.
 */
final class Notices {

	private Notices() {
	}

	/** A message with its arguments, shown once on the next page. */
	static void of(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("notice", key);
		redirect.addFlashAttribute("noticeArgs", args);
	}

	/** How many search entries the change is refreshing, if any. */
	static void reindex(RedirectAttributes redirect, long reindexing) {
		if (reindexing > 0) {
			redirect.addFlashAttribute("reindexTotal", reindexing);
		}
	}

	/** The direction of a move button: {@code haut} or {@code bas}. */
	static boolean isUp(String direction) {
		return switch (direction) {
			case "haut" -> true;
			case "bas" -> false;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		};
	}

}
