package fr.lianes.repertoire.figures;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.reference.ActorFamily;
import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.reference.TerritoryRef;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link FigureSet} into the charts of the page, in the visitor's language.
 */
@Component
class Charts {

	/** Chart ids, which are also the names of the CSV files. */
	static final List<String> IDS = List.of("territoires", "familles", "types", "domaines", "sous-domaines", "natures",
			"genres", "pays", "regions", "campagnes", "continents");

	private final ReferenceData reference;

	private final MessageSource messages;

	Charts(ReferenceData reference, MessageSource messages) {
		this.reference = reference;
		this.messages = messages;
	}

	/** Every chart of the figures, in the order of the page. */
	List<Chart> all(FigureSet figures, Locale locale) {
		Builder b = new Builder(locale);
		List<Chart> charts = new ArrayList<>();
		charts.add(b.bars("territoires", "figures.chart.territories", "figures.column.territory",
				"figures.column.actors", null, figures.actors(),
				rows(this.reference.territories(), TerritoryRef::slug, TerritoryRef::name,
						(t) -> "/territoires/" + t.slug(), figures.actorsByTerritory(), null),
				"figures.summary.actors"));
		Map<ActorFamily, Long> families = new EnumMap<>(ActorFamily.class);
		figures.actorsByType()
			.forEach((code, count) -> this.reference.actorType(code)
				.ifPresent((t) -> families.merge(t.family(), count, Long::sum)));
		List<Source> familyRows = new ArrayList<>();
		for (ActorFamily family : ActorFamily.values()) {
			familyRows.add(new Source(family.name(), b.message("figures.family." + family.name()), null,
					families.getOrDefault(family, 0L), null));
		}
		charts.add(b.stack("familles", "figures.chart.families", "figures.column.family", "figures.column.actors",
				figures.actors(), familyRows, "figures.summary.actors"));
		charts
			.add(b.bars("types", "figures.chart.types", "figures.column.type", "figures.column.actors", null,
					figures.actors(),
					rows(this.reference.actorTypes(), ActorTypeRef::code, ActorTypeRef::name,
							(t) -> "/acteurs?type=" + t.code(), figures.actorsByType(), null),
					"figures.summary.actors"));
		charts.add(
				b.bars("domaines", "figures.chart.domains", "figures.column.domain", "figures.column.projects", null,
						figures.projects(),
						rows(this.reference.topLevelDomains(), DomainRef::slug, DomainRef::name,
								(d) -> "/domaines/" + d.slug(), byDomainSlug(figures), null),
						"figures.summary.domains"));
		charts.add(b.bars("sous-domaines", "figures.chart.subdomains", "figures.column.subdomain",
				"figures.column.projects", null, figures.projects(),
				rows(this.reference.domains().stream().filter((d) -> !d.isTopLevel()).toList(), DomainRef::slug,
						DomainRef::name, (d) -> "/domaines/" + d.slug(), byDomainSlug(figures), null),
				"figures.summary.domains"));
		List<Source> natures = new ArrayList<>();
		for (ProjectNature nature : ProjectNature.values()) {
			natures.add(new Source(nature.name(), b.message("project.nature." + nature.name()), null,
					figures.projectsByNature().getOrDefault(nature.name(), 0L), null));
		}
		charts.add(b.stack("natures", "figures.chart.natures", "figures.column.nature", "figures.column.projects",
				figures.projects(), natures, "figures.summary.projects"));
		List<Source> kinds = new ArrayList<>();
		for (ProjectKind kind : ProjectKind.values()) {
			kinds.add(new Source(kind.name(), b.message("project.kind." + kind.name()), null,
					figures.projectsByKind().getOrDefault(kind.name(), 0L), null));
		}
		charts.add(b.stack("genres", "figures.chart.kinds", "figures.column.kind", "figures.column.projects",
				figures.projects(), kinds, "figures.summary.projects"));
		charts.add(b.bars("pays", "figures.chart.countries", "figures.column.country", "figures.column.actors",
				"figures.column.projects", figures.actors(),
				rows(this.reference.countries(), CountryRef::iso2, CountryRef::name,
						(c) -> "/pays/" + c.iso2().toLowerCase(Locale.ROOT), figures.actorsByCountry(),
						figures.projectsByCountry()),
				"figures.summary.countries"));
		List<Source> areas = new ArrayList<>();
		for (FigureSet.AreaCount area : figures.areas()) {
			String name = area.subregion().isEmpty() ? area.region()
					: b.message("figures.area", area.subregion(), area.region());
			areas.add(new Source(area.region() + " / " + area.subregion(), name, null, area.actors(), area.projects()));
		}
		charts.add(b.bars("regions", "figures.chart.areas", "figures.column.area", "figures.column.actors",
				"figures.column.projects", figures.actors(), areas, "figures.summary.countries"));
		List<Source> campaigns = new ArrayList<>();
		figures.campaigns()
			.forEach((c) -> campaigns.add(new Source(String.valueOf(c.id()), c.name(), null, c.respondents(), null)));
		charts.add(b.series("campagnes", "figures.chart.campaigns", "figures.column.campaign",
				"figures.column.respondents", figures.actors(), campaigns, "figures.summary.campaigns"));
		List<Source> continents = new ArrayList<>();
		for (FigureSet.AreaCount continent : figures.continents()) {
			continents.add(
					new Source(continent.region(), continent.region(), null, continent.actors(), continent.projects()));
		}
		charts.add(b.bars("continents", "figures.chart.continents", "figures.column.continent", "figures.column.actors",
				"figures.column.projects", figures.actors(), continents, "figures.summary.countries"));
		return charts;
	}

	private Map<String, Long> byDomainSlug(FigureSet figures) {
		Map<String, Long> bySlug = new java.util.HashMap<>();
		figures.projectsByDomain()
			.forEach((id, count) -> this.reference.domain(id).ifPresent((d) -> bySlug.put(d.slug(), count)));
		return bySlug;
	}

	private static <T> List<Source> rows(List<T> items, Function<T, String> key, Function<T, String> name,
			Function<T, String> href, Map<String, Long> counts, Map<String, Long> secondary) {
		List<Source> rows = new ArrayList<>();
		for (T item : items) {
			String k = key.apply(item);
			long count = counts.getOrDefault(k, 0L);
			if (count > 0) {
				rows.add(new Source(k, name.apply(item), href.apply(item), count,
						(secondary != null) ? secondary.getOrDefault(k, 0L) : null));
			}
		}
		return rows;
	}

	/** A row before layout. */
	private record Source(String key, String label, String href, long value, Long secondary) {

	}

	private final class Builder {

		private final Locale locale;

		private final NumberFormat integers;

		private final NumberFormat percents;

		private final NumberFormat smallPercents;

		Builder(Locale locale) {
			this.locale = locale;
			this.integers = NumberFormat.getIntegerInstance(locale);
			this.percents = NumberFormat.getPercentInstance(locale);
			this.smallPercents = NumberFormat.getPercentInstance(locale);
			this.smallPercents.setMaximumFractionDigits(1);
		}

		String message(String key, Object... args) {
			return Charts.this.messages.getMessage(key, args, this.locale);
		}

		/** Bars, largest first. */
		Chart bars(String id, String title, String labelHeader, String valueHeader, String secondaryHeader, long base,
				List<Source> sources, String summaryKey) {
			List<Source> sorted = sources.stream()
				.sorted(Comparator.comparingLong(Source::value).reversed().thenComparing(Source::label))
				.toList();
			return layoutBars(id, title, labelHeader, valueHeader, secondaryHeader, base, sorted, summaryKey);
		}

		/** Bars in their given order (campaigns, oldest first). */
		Chart series(String id, String title, String labelHeader, String valueHeader, long base, List<Source> sources,
				String summaryKey) {
			return layoutBars(id, title, labelHeader, valueHeader, null, base, sources, summaryKey);
		}

		private Chart layoutBars(String id, String title, String labelHeader, String valueHeader,
				String secondaryHeader, long base, List<Source> sources, String summaryKey) {
			long max = sources.stream().mapToLong(Source::value).max().orElse(0);
			List<Chart.Row> rows = new ArrayList<>();
			for (int i = 0; i < sources.size(); i++) {
				Source s = sources.get(i);
				int width = (max > 0) ? (int) Math.max(1, Math.round((double) s.value() * Chart.BAR_WIDTH / max)) : 0;
				rows.add(row(s, base, Chart.LABEL_WIDTH, i * Chart.ROW_HEIGHT, width, 0));
			}
			List<Chart.Row> drawn = rows.subList(0, Math.min(rows.size(), Chart.MAX_BARS));
			return new Chart(id, title, labelHeader, valueHeader, secondaryHeader, false,
					summary(title, summaryKey, rows), rows, List.copyOf(drawn),
					Math.max(1, drawn.size()) * Chart.ROW_HEIGHT);
		}

		/** One bar of stacked shares, in the given order; empty parts left out. */
		Chart stack(String id, String title, String labelHeader, String valueHeader, long base, List<Source> sources,
				String summaryKey) {
			List<Chart.Row> rows = new ArrayList<>();
			long total = sources.stream().mapToLong(Source::value).sum();
			int x = 0;
			long cumulated = 0;
			for (int i = 0; i < sources.size(); i++) {
				Source s = sources.get(i);
				if (s.value() == 0) {
					continue;
				}
				cumulated += s.value();
				// edges from the cumulated share, so that rounding never leaves a gap
				int right = (int) Math.round((double) cumulated * Chart.WIDTH / total);
				rows.add(row(s, base, x, 0, right - x, i % 8));
				x = right;
			}
			List<Chart.Row> byValue = rows.stream()
				.sorted(Comparator.comparingLong(Chart.Row::value).reversed())
				.toList();
			return new Chart(id, title, labelHeader, valueHeader, null, true, summary(title, summaryKey, byValue), rows,
					rows, 40);
		}

		private Chart.Row row(Source s, long base, int x, int y, int width, int series) {
			double percent = (base > 0) ? 100.0 * s.value() / base : 0;
			NumberFormat format = (percent > 0 && percent < 1) ? this.smallPercents : this.percents;
			return new Chart.Row(s.key(), s.label(), s.value(), this.integers.format(s.value()), percent,
					format.format(percent / 100), s.secondary(),
					(s.secondary() != null) ? this.integers.format(s.secondary()) : null, s.href(), x, y, width,
					series);
		}

		/** "Title: none" or "Title. First: A, 1 190 (61 %); B, …; C, …." */
		private String summary(String title, String key, List<Chart.Row> rows) {
			if (rows.isEmpty()) {
				return message("figures.summary.none", message(title));
			}
			List<String> items = new ArrayList<>();
			for (Chart.Row row : rows.subList(0, Math.min(3, rows.size()))) {
				items.add(message("figures.summary.item", row.label(), row.valueText(), row.percentText()));
			}
			return message(key, message(title), String.join(message("figures.summary.separator"), items), rows.size());
		}

	}

}
