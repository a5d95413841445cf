package fr.lianes.repertoire.imports;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.lianes.repertoire.directory.EntryCommands.ImportSource;
import fr.lianes.repertoire.imports.ImportRequest.ImportFile;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' import of the old directory: upload the exports, check the columns
 * and map unknown values, try (dry run: what would be created, updated, left unchanged,
 * set aside, refused, and why), then import and read the report.
 */
@Controller
class ImportController {

	static final String PATH = "/moderation/administration/import";

	private static final int PROBLEMS_SHOWN = 500;

	private final Imports imports;

	private final ImportUploads uploads;

	private final ReferenceData lists;

	private final MessageSource messages;

	private final ImportJobs jobs;

	private final SavedMappings mappings;

	ImportController(Imports imports, ImportUploads uploads, ReferenceData lists, MessageSource messages,
			ImportJobs jobs, SavedMappings mappings) {
		this.jobs = jobs;
		this.mappings = mappings;
		this.imports = imports;
		this.uploads = uploads;
		this.lists = lists;
		this.messages = messages;
	}

	@GetMapping(PATH)
	String upload() {
		return "imports/upload";
	}

	@PostMapping(PATH)
	String received(@RequestParam(name = "fichiers", required = false) List<MultipartFile> files,
			RedirectAttributes redirect) throws IOException {
		List<ImportUploads.Received> received = new ArrayList<>();
		for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
			if (!file.isEmpty()) {
				received.add(new ImportUploads.Received(
						(file.getOriginalFilename() != null) ? file.getOriginalFilename() : "fichier",
						file.getInputStream()));
			}
		}
		if (received.isEmpty()) {
			redirect.addFlashAttribute("uploadError", "import.upload.none");
			return "redirect:" + PATH;
		}
		return "redirect:" + PATH + "/" + this.uploads.save(received);
	}

	/** The mapping page: each file's format and columns, guessed. */
	@GetMapping(PATH + "/{token}")
	String mapping(@PathVariable String token,
			@RequestParam(name = "correspondance", required = false) String savedName, Model model) throws IOException {
		List<ImportFile> files = new ArrayList<>();
		for (Map.Entry<Path, String> file : files(token)) {
			files.add(this.imports.open(file.getKey(), file.getValue()));
		}
		ImportRequest request = this.uploads.request(token).orElse(new ImportRequest(files, Map.of(), false, null));
		if (savedName != null && !savedName.isBlank()) {
			SavedMappings.Saved saved = this.mappings.find(savedName).orElse(null);
			if (saved == null) {
				model.addAttribute("mappingError", "import.saved.unknown");
			}
			else {
				request = new ImportRequest(files.stream().map((file) -> SavedMappings.apply(file, saved)).toList(),
						saved.values(), request.publish(), null);
				model.addAttribute("chosenMapping", savedName);
				model.addAttribute("mappingName", savedName);
			}
		}
		return page(token, request, null, model);
	}

	/** A dry run with the person's mapping: the preview. */
	@PostMapping(PATH + "/{token}/essai")
	String dryRun(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Principal staff,
			Model model) throws IOException {
		ImportRequest request = request(token, form, staff);
		this.uploads.request(token, request);
		String name = form.getFirst("nomCorrespondance");
		if (name != null && !name.isBlank()) {
			name = name.strip();
			model.addAttribute("mappingName", name);
			if (name.length() > SavedMappings.NAME_LENGTH) {
				model.addAttribute("mappingNameError", "import.saved.name-too-long");
			}
			else {
				this.mappings.save(name, request, staff.getName());
				model.addAttribute("mappingSaved", name);
			}
		}
		ImportReport report = this.imports.dryRun(request);
		return page(token, request, report, model);
	}

	/**
	 * The import, with the mapping of the last dry run: started in the background, its
	 * progress and then its report on the report page.
	 */
	@PostMapping(PATH + "/{token}/import")
	String run(@PathVariable String token, Principal staff, RedirectAttributes redirect) throws IOException {
		files(token);
		ImportRequest tried = this.uploads.request(token).orElse(null);
		if (tried == null) {
			redirect.addFlashAttribute("uploadError", "import.preview.first");
			return "redirect:" + PATH + "/" + token;
		}
		ImportRequest request = new ImportRequest(tried.files(), tried.valueMapping(), tried.publish(),
				staff.getName());
		this.jobs.start(token, request);
		return "redirect:" + PATH + "/" + token + "/rapport";
	}

	/**
	 * The latest import of the upload: its progress while it runs (htmx asks for the
	 * progress again every two seconds; a link does the same without JavaScript), then
	 * its report, its undo, and what the undo left alone.
	 */
	@GetMapping(PATH + "/{token}/rapport")
	String report(@PathVariable String token, @RequestHeader(name = "HX-Request", required = false) String htmx,
			HttpServletResponse response, Model model) throws IOException {
		files(token);
		ImportJobs.Job job = this.jobs.latest(token).orElseThrow(NotFoundException::new);
		response.setHeader("Vary", "HX-Request");
		model.addAttribute("token", token);
		model.addAttribute("job", job);
		this.jobs.report(job.id()).ifPresent((report) -> report(report, model));
		// what the history of each entry it wrote says, file by file
		model.addAttribute("historyNotes",
				this.jobs.fileNames(job.id()).stream().map((name) -> new ImportSource(name, job.by()).note()).toList());
		model.addAttribute("kept", (job.state() == ImportJobs.State.UNDONE) ? this.jobs.kept(job.id()) : List.of());
		return (htmx != null) ? "imports/report :: progress" : "imports/report";
	}

	/** Undoes the latest import of the upload (see {@link ImportJobs#undo}). */
	@PostMapping(PATH + "/{token}/annuler")
	String undo(@PathVariable String token, Principal staff, RedirectAttributes redirect) throws IOException {
		files(token);
		ImportJobs.Job job = this.jobs.latest(token).orElseThrow(NotFoundException::new);
		if (this.jobs.undo(job.id(), staff.getName()).isEmpty()) {
			redirect.addFlashAttribute("undoError", "import.undo.impossible");
		}
		return "redirect:" + PATH + "/" + token + "/rapport";
	}

	/** The refused and doubtful rows of the last dry run or import, as CSV. */
	@GetMapping(PATH + "/{token}/rapport.csv")
	void reportCsv(@PathVariable String token, @RequestParam(name = "essai", defaultValue = "false") boolean tried,
			HttpServletResponse response) throws IOException {
		files(token);
		ImportReport report = tried
				? this.uploads.request(token)
					.map((request) -> dryRunQuietly(request))
					.orElseThrow(NotFoundException::new)
				: this.jobs.latest(token)
					.flatMap((job) -> this.jobs.report(job.id()))
					.orElseThrow(NotFoundException::new);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"rapport-import.csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		report.writeCsv(writer, this.messages, Locale.FRENCH);
		writer.flush();
	}

	private ImportReport dryRunQuietly(ImportRequest request) {
		try {
			return this.imports.dryRun(request);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private List<Map.Entry<Path, String>> files(String token) throws IOException {
		return this.uploads.files(token).orElseThrow(NotFoundException::new);
	}

	/**
	 * The request the mapping form describes: per file {@code charset-N},
	 * {@code separateur-N} and {@code colonne-N-M} (a field's name, empty to ignore);
	 * {@code valeur-TYPE-key} and {@code valeur-DOMAIN-key}; {@code publier}.
	 */
	private ImportRequest request(String token, MultiValueMap<String, String> form, Principal staff)
			throws IOException {
		List<ImportFile> files = new ArrayList<>();
		List<Map.Entry<Path, String>> uploaded = files(token);
		for (int n = 0; n < uploaded.size(); n++) {
			ImportFile file = this.imports.open(uploaded.get(n).getKey(), uploaded.get(n).getValue());
			TableFormat format = file.format();
			if (format.kind() == TableFormat.Kind.CSV) {
				Charset charset = chosenCharset(form.getFirst("charset-" + n));
				Character separator = TableFormat.separatorOf(form.getFirst("separateur-" + n));
				if (charset != null || separator != null) {
					file = this.imports.reopen(file.path(), file.name(), format.with(charset, separator));
				}
			}
			List<String> columns = new ArrayList<>();
			for (int m = 0; m < file.mapping().headers().size(); m++) {
				String choice = form.getFirst("colonne-" + n + "-" + m);
				ImportField current = file.mapping().fields().get(m);
				columns.add((choice != null) ? valid(choice) : ((current != null) ? current.name() : ""));
			}
			files.add(new ImportFile(file.path(), file.name(), file.format(), file.mapping().with(columns)));
		}
		Map<String, String> values = new HashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("valeur-")) {
				value.stream()
					.filter((v) -> v != null && !v.isBlank())
					.findFirst()
					.ifPresent((v) -> values.put(name.substring("valeur-".length()).replaceFirst("-", ":"), v));
			}
		});
		return new ImportRequest(files, values, form.containsKey("publier"), staff.getName());
	}

	private static Charset chosenCharset(String name) {
		return TableFormat.CHARSETS.stream().filter((c) -> c.name().equals(name)).findFirst().orElse(null);
	}

	private static String valid(String field) {
		for (ImportField value : ImportField.values()) {
			if (value.name().equals(field)) {
				return field;
			}
		}
		return "";
	}

	private String page(String token, ImportRequest request, ImportReport report, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("request", request);
		model.addAttribute("fields", ImportField.values());
		model.addAttribute("savedMappings", this.mappings.names());
		model.addAttribute("separators", List.of(new Choice(";", "import.separator.semicolon"),
				new Choice(",", "import.separator.comma"), new Choice("tab", "import.separator.tab")));
		model.addAttribute("charsets", TableFormat.CHARSETS.stream().map(Charset::name).toList());
		model.addAttribute("types", this.lists.actorTypes());
		model.addAttribute("domains", this.lists.domains());
		List<ValueToMap> unknown = new ArrayList<>();
		if (report != null) {
			for (Vocabulary.Mapped list : Vocabulary.Mapped.values()) {
				report.unknownValues(list)
					.stream()
					.sorted()
					.forEach((value) -> unknown.add(
							new ValueToMap(list.name(), value, "valeur-" + list.name() + "-" + Vocabulary.key(value))));
			}
			report(report, model);
		}
		model.addAttribute("unknown", unknown);
		return "imports/mapping";
	}

	private void report(ImportReport report, Model model) {
		model.addAttribute("report", report);
		model.addAttribute("actorCounts", report.counts(ImportReport.Entry.ACTOR));
		model.addAttribute("projectCounts", report.counts(ImportReport.Entry.PROJECT));
		model.addAttribute("outcomes", ImportReport.Outcome.values());
		List<ImportReport.Problem> problems = report.problems();
		model.addAttribute("problems", problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
		model.addAttribute("problemCount", problems.size());
	}

	/** A choice of a list: its value and the key of its label. */
	record Choice(String value, String labelKey) {
	}

	/** A value of the files that no type or domain matches, for the person to map. */
	record ValueToMap(String list, String value, String parameter) {
	}

}
