package fr.lianes.repertoire.maps;

import java.util.ArrayList;
import java.util.List;

/**
 * Shade classes of a map: counts fall in {@link #CLASSES} ranges growing geometrically up
 * to the largest count, so that a few countries with hundreds of actors do not leave all
 * the others in the lightest shade.
 */
public final class Shades {

	/** Shades besides "none". */
	public static final int CLASSES = 5;

	/**
	 * A range of counts that share a shade.
	 *
	 * @param shade 1 to {@link #CLASSES}
	 * @param from smallest count, inclusive
	 * @param to largest count, inclusive
	 */
	public record Range(int shade, long from, long to) {

	}

	private final List<Range> ranges;

	private Shades(List<Range> ranges) {
		this.ranges = ranges;
	}

	/** The shades for counts up to {@code max}. */
	static Shades upTo(long max) {
		List<Range> ranges = new ArrayList<>();
		long from = 1;
		for (int shade = 1; shade <= CLASSES && from <= max; shade++) {
			long to = (shade == CLASSES) ? max
					: Math.max(from, Math.round(Math.pow(Math.max(max, 1), (double) shade / CLASSES)));
			to = Math.min(to, max);
			ranges.add(new Range(shade, from, to));
			from = to + 1;
		}
		return new Shades(List.copyOf(ranges));
	}

	int of(long count) {
		for (Range range : this.ranges) {
			if (count >= range.from() && count <= range.to()) {
				return range.shade();
			}
		}
		return 0;
	}

	List<Range> legend() {
		return this.ranges;
	}

}
