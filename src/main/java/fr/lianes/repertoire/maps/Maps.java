package fr.lianes.repertoire.maps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.reference.TerritoryRef;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The world map (Natural Earth countries, converted once into {@code maps/world.tsv}) and
 * the schematic map of the region's territories ({@code maps/territory-tiles.csv}),
 * shaded by a number of actors.
 */
@Service
public class Maps {

	/** Size of a territory tile and the gap between two, in view box units. */
	static final int TILE_WIDTH = 150;

	static final int TILE_HEIGHT = 70;

	static final int GAP = 6;

	private final ReferenceData reference;

	private volatile Geometry geometry;

	Maps(ReferenceData reference) {
		this.reference = reference;
	}

	/**
	 * The world, each country shaded by its count and linked to its page when it has one.
	 * @param actorsByIso2 actors per ISO alpha-2 code
	 * @param highlighted codes of the countries the page is about
	 */
	public ChoroplethMap world(Map<String, Long> actorsByIso2, Set<String> highlighted) {
		Geometry geometry = geometry();
		Shades shades = Shades.upTo(actorsByIso2.values().stream().mapToLong(Long::longValue).max().orElse(0));
		List<ChoroplethMap.Shape> shapes = new ArrayList<>();
		for (Country country : geometry.countries()) {
			CountryRef ref = (country.iso2() != null) ? this.reference.country(country.iso2()).orElse(null) : null;
			long count = (ref != null) ? actorsByIso2.getOrDefault(ref.iso2(), 0L) : 0;
			shapes.add(new ChoroplethMap.Shape((ref != null) ? ref.iso2() : null, (ref != null) ? ref.name() : null,
					country.path(), 0, 0, List.of(), count, shades.of(count),
					(count > 0) ? "/pays/" + ref.iso2().toLowerCase(Locale.ROOT) : null,
					ref != null && highlighted.contains(ref.iso2())));
		}
		Set<String> drawn = new java.util.HashSet<>();
		shapes.forEach((shape) -> drawn.add(shape.key()));
		List<ChoroplethMap.Shape> offMap = new ArrayList<>();
		for (CountryRef ref : this.reference.countries()) {
			long count = actorsByIso2.getOrDefault(ref.iso2(), 0L);
			if (count > 0 && !drawn.contains(ref.iso2())) {
				offMap
					.add(new ChoroplethMap.Shape(ref.iso2(), ref.name(), null, 0, 0, List.of(), count, shades.of(count),
							"/pays/" + ref.iso2().toLowerCase(Locale.ROOT), highlighted.contains(ref.iso2())));
			}
		}
		return new ChoroplethMap(geometry.viewBox(), shapes, shades.legend(), List.copyOf(offMap));
	}

	/** The territories of the region, each shaded by its count and linked to its page. */
	public ChoroplethMap region(Map<String, Long> actorsBySlug) {
		Geometry geometry = geometry();
		Shades shades = Shades.upTo(actorsBySlug.values().stream().mapToLong(Long::longValue).max().orElse(0));
		List<ChoroplethMap.Shape> shapes = new ArrayList<>();
		int columns = 0;
		int rows = 0;
		for (Tile tile : geometry.tiles()) {
			TerritoryRef territory = this.reference.territory(tile.slug()).orElse(null);
			if (territory == null) {
				continue;
			}
			long count = actorsBySlug.getOrDefault(tile.slug(), 0L);
			shapes.add(new ChoroplethMap.Shape(tile.slug(), territory.name(), null, tile.column() * (TILE_WIDTH + GAP),
					tile.row() * (TILE_HEIGHT + GAP), lines(territory.name()), count, shades.of(count),
					"/territoires/" + tile.slug(), false));
			columns = Math.max(columns, tile.column() + 1);
			rows = Math.max(rows, tile.row() + 1);
		}
		String viewBox = "0 0 " + (columns * (TILE_WIDTH + GAP) - GAP) + " " + (rows * (TILE_HEIGHT + GAP) - GAP);
		return new ChoroplethMap(viewBox, shapes, shades.legend(), List.of());
	}

	/** Characters that fit on one line of a tile. */
	static final int TILE_LINE = 13;

	/**
	 * The label of a tile, from the territory's current name (never a copy that a rename
	 * would leave behind): one line if it fits, else two, broken at the space or after
	 * the hyphen nearest the middle.
	 */
	public static List<String> lines(String name) {
		if (name.length() <= TILE_LINE) {
			return List.of(name);
		}
		int middle = name.length() / 2;
		int best = -1;
		for (int i = 0; i < name.length(); i++) {
			if ((name.charAt(i) == ' ' || name.charAt(i) == '-')
					&& (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
				best = i;
			}
		}
		if (best < 0) {
			return List.of(name);
		}
		return (name.charAt(best) == ' ') ? List.of(name.substring(0, best), name.substring(best + 1))
				: List.of(name.substring(0, best + 1), name.substring(best + 1));
	}

	private Geometry geometry() {
		Geometry current = this.geometry;
		if (current == null) {
			synchronized (this) {
				if (this.geometry == null) {
					this.geometry = load();
				}
				current = this.geometry;
			}
		}
		return current;
	}

	private Geometry load() {
		Map<String, String> iso2ByNumeric = new java.util.HashMap<>();
		for (CountryRef country : this.reference.countries()) {
			iso2ByNumeric.put(country.numericCode(), country.iso2());
		}
		String viewBox = null;
		List<Country> countries = new ArrayList<>();
		for (String[] row : read("maps/world.tsv", "\t")) {
			if (row[0].equals("viewbox")) {
				viewBox = row[2];
			}
			else {
				countries.add(new Country(iso2ByNumeric.get(row[0]), row[2]));
			}
		}
		List<Tile> tiles = new ArrayList<>();
		for (String[] row : read("maps/territory-tiles.csv", ",")) {
			if (!row[0].equals("slug")) {
				tiles.add(new Tile(row[0], Integer.parseInt(row[1]), Integer.parseInt(row[2])));
			}
		}
		return new Geometry(viewBox, List.copyOf(countries), List.copyOf(tiles));
	}

	private static List<String[]> read(String resource, String separator) {
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.forEach((line) -> rows.add(line.split(separator, 4)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
		return Collections.unmodifiableList(rows);
	}

	private record Country(String iso2, String path) {

	}

	private record Tile(String slug, int column, int row) {

	}

	private record Geometry(String viewBox, List<Country> countries, List<Tile> tiles) {

	}

}
