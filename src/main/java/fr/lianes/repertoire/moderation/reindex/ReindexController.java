package fr.lianes.repertoire.moderation.reindex;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

import fr.lianes.repertoire.search.ReindexRun;
import fr.lianes.repertoire.search.SearchReindexer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reindex page: a button that rebuilds the whole search index in the background, and
 * the progress of the runs, waiting, running and done. htmx refreshes the progress every
 * two seconds while a run is under way; without JavaScript an "Actualiser" link does.
 */
@Controller
class ReindexController {

	static final String PATH = "/moderation/administration/index";

	/** A run as the page shows it. */
	record RunView(long id, ReindexRun.Scope scope, String reasonKey, Object[] reasonArgs, ReindexRun.State state,
			long total, long done, int percent, ZonedDateTime startedAt, ZonedDateTime finishedAt,
			Long elapsedSeconds) {

		static RunView of(ReindexRun run, ZoneId zone) {
			return new RunView(run.getId(), run.getScope(), run.getReasonKey(), run.getReasonArgs(), run.getState(),
					run.getTotal(), run.getDone(), run.getPercent(),
					(run.getStartedAt() != null) ? run.getStartedAt().atZone(zone) : null,
					(run.getFinishedAt() != null) ? run.getFinishedAt().atZone(zone) : null,
					(run.getElapsed() != null) ? run.getElapsed().toSeconds() : null);
		}

	}

	private final SearchReindexer reindexer;

	/** The zone of the application's clock, for the times shown. */
	private final ZoneId zone;

	ReindexController(SearchReindexer reindexer, Clock clock) {
		this.reindexer = reindexer;
		this.zone = clock.getZone();
	}

	@GetMapping(PATH)
	String page(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<ReindexRun> runs = this.reindexer.runs();
		// under way first, in the order they run; then the finished ones, latest first
		model.addAttribute("active",
				runs.stream()
					.filter(ReindexRun::isActive)
					.sorted(Comparator.comparing(ReindexRun::getId))
					.map((run) -> RunView.of(run, this.zone))
					.toList());
		model.addAttribute("finished",
				runs.stream().filter((run) -> !run.isActive()).map((run) -> RunView.of(run, this.zone)).toList());
		model.addAttribute("busy", runs.stream().anyMatch(ReindexRun::isActive));
		return (htmx != null) ? "moderation/reference/index-progress :: progress" : "moderation/reference/index";
	}

	@PostMapping(PATH)
	String start(RedirectAttributes redirect) {
		SearchReindexer.Request request = this.reindexer.reindexAll();
		redirect.addFlashAttribute("notice", request.started() ? "reindex.notice.started" : "reindex.notice.already");
		return "redirect:" + PATH;
	}

}
