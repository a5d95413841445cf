package fr.lianes.repertoire.figures;

import java.util.List;

/**
 * One breakdown of the figures, ready for its chart (bars, or one band of stacked shares
 * with a legend), its data table, its text summary and its CSV file.
 *
 * @param id the name of its CSV file and of its anchor
 * @param titleKey message key of its title
 * @param labelHeaderKey message key of its first column
 * @param valueHeaderKey message key of the counted column
 * @param secondaryHeaderKey message key of a second counted column, or null
 * @param stacked whether it is drawn as one bar of stacked shares
 * @param summary the text summary
 * @param rows every row, largest first (stacked: in their natural order)
 * @param drawn the rows the chart draws (bars: the largest {@link #MAX_BARS})
 * @param height height of the chart's view box
 */
public record Chart(String id, String titleKey, String labelHeaderKey, String valueHeaderKey, String secondaryHeaderKey,
		boolean stacked, String summary, List<Row> rows, List<Row> drawn, int height) {

	/** Most bars drawn; the table has every row. */
	static final int MAX_BARS = 20;

	/**
	 * Width of the view box of a stacked band, and of the longest bar (each bar is an SVG
	 * of its own, stretched to the width its row leaves it; its text is HTML).
	 */
	static final int WIDTH = 1000;

	static final int LABEL_WIDTH = 0;

	static final int BAR_WIDTH = 1000;

	static final int ROW_HEIGHT = 26;

	/**
	 * A row of the table and a bar or a segment of the chart.
	 *
	 * @param key what it is (slug, code), for the CSV
	 * @param label its name
	 * @param value the count
	 * @param valueText the count, formatted for the page's language
	 * @param percent its share of the base, 0 to 100
	 * @param percentText the share, formatted
	 * @param secondary a second count (projects beside actors), or null
	 * @param secondaryText the second count formatted, or null
	 * @param href its page, or null
	 * @param x left of its bar or segment
	 * @param y top of its bar
	 * @param width width of its bar or segment
	 * @param series colour of a segment (0 to 7)
	 */
	public record Row(String key, String label, long value, String valueText, double percent, String percentText,
			Long secondary, String secondaryText, String href, int x, int y, int width, int series) {

	}

	public boolean hasSecondary() {
		return this.secondaryHeaderKey != null;
	}

	public boolean truncated() {
		return this.drawn.size() < this.rows.size();
	}

}
