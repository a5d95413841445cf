package fr.lianes.repertoire.moderation.backups;

import fr.lianes.repertoire.backup.Backups;

import java.io.IOException;
import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.util.List;

import fr.lianes.repertoire.web.NotFoundException;

import org.springframework.core.io.PathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
		model.addAttribute("latest", this.backups.latest().map(Backups.Backup::name).orElse(null));
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

	/**
	 * One of the backups kept, by its file name (only those: no other file is served).
	 */
	@GetMapping(PATH + "/{name}")
	ResponseEntity<Resource> download(@PathVariable String name) throws IOException {
		Backups.Backup backup = this.backups.list()
			.stream()
			.filter((kept) -> kept.name().equals(name))
			.findFirst()
			.orElseThrow(NotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(Files.size(backup.file()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(backup.name()).build().toString())
			.header("X-Checksum-SHA256", backup.sha256())
			.body(new PathResource(backup.file()));
	}

}
