package fr.lianes.repertoire.maps;

import java.util.List;

/**
 * A map ready to draw: its shapes, each shaded by its count (0 = none, up to
 * {@link Shades#CLASSES}), and the legend of the shades.
 *
 * @param viewBox the SVG view box
 * @param shapes what to draw, those with a count linked to their page
 * @param legend the count range of each shade, lightest first
 * @param offMap countries with a count but no shape on the map (too small for it), by
 * name, to list beside it
 */
public record ChoroplethMap(String viewBox, List<Shape> shapes, List<Shades.Range> legend, List<Shape> offMap) {

	/**
	 * One country or territory.
	 *
	 * @param key ISO alpha-2 code or territory slug; null for land that is no country
	 * @param name its name
	 * @param path SVG path data (world map); null for a tile
	 * @param x left of a tile
	 * @param y top of a tile
	 * @param lines a tile's label, one or two lines
	 * @param count how many actors (0 = none)
	 * @param shade 0 (none) to {@link Shades#CLASSES}
	 * @param href its page, null when it has no count
	 * @param highlighted whether the page is about it (a country page, an actor's
	 * countries)
	 */
	public record Shape(String key, String name, String path, int x, int y, List<String> lines, long count, int shade,
			String href, boolean highlighted) {

		public boolean linked() {
			return this.href != null;
		}

	}

	/** The shapes that carry a count, for a table or a list beside the map. */
	public List<Shape> counted() {
		return this.shapes.stream().filter(Shape::linked).toList();
	}

}
