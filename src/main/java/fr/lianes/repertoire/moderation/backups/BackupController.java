package fr.lianes.repertoire.moderation.backups;

import fr.lianes.repertoire.backup.Backups;

import java.io.IOException;
import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.util.List;

import fr.lianes.repertoire.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.PathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' backup page: the backups kept, the last failure, a button that
 * takes one now (in the background), and the latest one to download.
 */
@Controller
class BackupController {

	static final String PATH = "/moderation/administration/sauvegardes";

	/** A backup as the page shows it. */
	record BackupView(String name, ZonedDateTime created, long kilobytes, String sha256, String schemaVersion) {
	}

	private final Backups backups;

	BackupController(Backups backups) {
		this.backups = backups;
	}

	@GetMapping(PATH)
	String page(Model model) {
		List<BackupView> kept = this.backups.list()
			.stream()
			.map((b) -> new BackupView(b.name(), b.created().atZone(this.backups.settings().timeZone()),
					Math.max(1, b.bytes() / 1024), b.sha256(), b.schemaVersion()))
			.toList();
		model.addAttribute("backups", kept);
		model.addAttribute("running", this.backups.isRunning());
		model.addAttribute("enabled", this.backups.settings().enabled());
		model.addAttribute("directory", this.backups.settings().directory().toAbsolutePath().toString());
		model.addAttribute("failure",
				this.backups.lastFailure().map((f) -> f.at().atZone(this.backups.settings().timeZone())).orElse(null));
		return "moderation/backups";
	}

	@PostMapping(PATH)
	String start(RedirectAttributes redirect) {
		boolean already = this.backups.isRunning();
		this.backups.start();
		redirect.addFlashAttribute("notice", already ? "backup.notice.already" : "backup.notice.started");
		return "redirect:" + PATH;
	}

	@GetMapping(PATH + "/derniere")
	ResponseEntity<Resource> latest(HttpServletResponse response) throws IOException {
		Backups.Backup latest = this.backups.latest().orElseThrow(NotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(Files.size(latest.file()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(latest.name()).build().toString())
			.header("X-Checksum-SHA256", latest.sha256())
			.body(new PathResource(latest.file()));
	}

}
