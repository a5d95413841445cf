package fr.lianes.repertoire.figures;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The key figures ("Quelques chiffres"), live: {@code /chiffres} with its filters, and
 * each table as CSV ({@code /chiffres/territoires.csv?…}).
 */
@Controller
class FiguresController {

	private final FiguresPages pages;

	private final ReferenceData reference;

	private final MessageSource messages;

	FiguresController(FiguresPages pages, ReferenceData reference, MessageSource messages) {
		this.pages = pages;
		this.reference = reference;
		this.messages = messages;
	}

	@GetMapping("/chiffres")
	String figures(@RequestParam(name = "territoire", required = false) String territory,
			@RequestParam(name = "domaine", required = false) String domain,
			@RequestParam(name = "pays", required = false) String country,
			@RequestParam(name = "type", required = false) String type, Locale locale, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		FiguresFilter filter = FiguresFilter.parse(this.reference, territory, domain, country, type);
		model.addAttribute("filter", filter);
		model.addAttribute("canonicalPath", "/chiffres" + filter.query());
		model.addAttribute("body", this.pages.body(filter, locale, request, response));
		return "figures/figures";
	}

	@GetMapping("/chiffres/{id:[a-z-]+}.csv")
	ResponseEntity<String> csv(@PathVariable String id,
			@RequestParam(name = "territoire", required = false) String territory,
			@RequestParam(name = "domaine", required = false) String domain,
			@RequestParam(name = "pays", required = false) String country,
			@RequestParam(name = "type", required = false) String type, Locale locale) {
		FiguresFilter filter = FiguresFilter.parse(this.reference, territory, domain, country, type);
		Chart chart = this.pages.charts(filter, locale)
			.stream()
			.filter((c) -> c.id().equals(id))
			.findFirst()
			.orElseThrow(NotFoundException::new);
		StringBuilder csv = new StringBuilder("\uFEFF");
		List<String> header = new java.util.ArrayList<>(List.of(message("figures.csv.key", locale),
				message(chart.labelHeaderKey(), locale), message(chart.valueHeaderKey(), locale)));
		if (chart.hasSecondary()) {
			header.add(message(chart.secondaryHeaderKey(), locale));
		}
		header.add(message("figures.csv.share", locale));
		line(csv, header);
		for (Chart.Row row : chart.rows()) {
			List<String> values = new java.util.ArrayList<>(
					List.of(row.key(), row.label(), String.valueOf(row.value())));
			if (chart.hasSecondary()) {
				values.add(String.valueOf(row.secondary()));
			}
			values.add(String.format(Locale.ROOT, "%.1f", row.percent()));
			line(csv, values);
		}
		String name = "chiffres-" + id + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(csv.toString());
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/** One RFC 4180 line, cells neutralised ({@link CsvCells}). */
	static void line(StringBuilder csv, List<String> fields) {
		CsvCells.line(csv, fields, ',');
	}

}
