package fr.lianes.repertoire.figures;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.lianes.repertoire.maps.Maps;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.web.NotFoundException;

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

	private final FiguresCache cache;

	private final Charts charts;

	private final Maps maps;

	private final ReferenceData reference;

	private final MessageSource messages;

	FiguresController(FiguresCache cache, Charts charts, Maps maps, ReferenceData reference, MessageSource messages) {
		this.cache = cache;
		this.charts = charts;
		this.maps = maps;
		this.reference = reference;
		this.messages = messages;
	}

	@GetMapping("/chiffres")
	String figures(@RequestParam(name = "territoire", required = false) String territory,
			@RequestParam(name = "domaine", required = false) String domain,
			@RequestParam(name = "pays", required = false) String country,
			@RequestParam(name = "type", required = false) String type, Locale locale, Model model) {
		FiguresFilter filter = FiguresFilter.parse(this.reference, territory, domain, country, type);
		FigureSet figures = this.cache.figures(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("figures", figures);
		model.addAttribute("charts", this.charts.all(figures, locale));
		model.addAttribute("worldMap", this.maps.world(figures.actorsByCountry(),
				(filter.country() != null) ? Set.of(filter.country().iso2()) : Set.of()));
		model.addAttribute("regionMap", this.maps.region(figures.actorsByTerritory()));
		model.addAttribute("territories", this.reference.territories());
		model.addAttribute("domains", this.reference.domains());
		model.addAttribute("countries", this.reference.countries());
		model.addAttribute("types", this.reference.actorTypes());
		return "figures/figures";
	}

	@GetMapping("/chiffres/{id:[a-z-]+}.csv")
	ResponseEntity<String> csv(@PathVariable String id,
			@RequestParam(name = "territoire", required = false) String territory,
			@RequestParam(name = "domaine", required = false) String domain,
			@RequestParam(name = "pays", required = false) String country,
			@RequestParam(name = "type", required = false) String type, Locale locale) {
		FiguresFilter filter = FiguresFilter.parse(this.reference, territory, domain, country, type);
		Chart chart = this.charts.all(this.cache.figures(filter), locale)
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

	/**
	 * One RFC 4180 line: fields quoted when they hold a comma, a quote or a line break.
	 */
	private static void line(StringBuilder csv, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			String field = (fields.get(i) != null) ? fields.get(i) : "";
			if (!field.isEmpty() && "=+@\t\r".indexOf(field.charAt(0)) >= 0) {
				// a spreadsheet would read it as a formula
				field = "'" + field;
			}
			if (i > 0) {
				csv.append(',');
			}
			if (field.matches("(?s).*[,\"\r\n].*")) {
				csv.append('"').append(field.replace("\"", "\"\"")).append('"');
			}
			else {
				csv.append(field);
			}
		}
		csv.append("\r\n");
	}

}
