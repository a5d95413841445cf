package fr.lianes.repertoire.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks items in proportion to their weights. Items keep the order they were added in, so
 * a picker built from ordered input always answers the same for the same random sequence.
 *
 * @param <T> the type of the items
 */
final class WeightedPicker<T> {

	private final List<T> items;

	private final double[] cumulative;

	private WeightedPicker(List<T> items, double[] cumulative) {
		this.items = items;
		this.cumulative = cumulative;
	}

	static <T> Builder<T> builder() {
		return new Builder<>();
	}

	T pick(SplittableRandom random) {
		double total = this.cumulative[this.cumulative.length - 1];
		double target = random.nextDouble() * total;
		int index = Arrays.binarySearch(this.cumulative, target);
		// binarySearch answers (-(insertion point) - 1) when the exact value is absent;
		// an
		// exact hit on a boundary belongs to the next item
		index = (index < 0) ? -index - 1 : index + 1;
		return this.items.get(Math.min(index, this.items.size() - 1));
	}

	boolean isEmpty() {
		return this.items.isEmpty();
	}

	int size() {
		return this.items.size();
	}

	List<T> items() {
		return this.items;
	}

	static final class Builder<T> {

		private final List<T> items = new ArrayList<>();

		private final List<Double> weights = new ArrayList<>();

		Builder<T> add(T item, double weight) {
			if (weight > 0) {
				this.items.add(item);
				this.weights.add(weight);
			}
			return this;
		}

		boolean isEmpty() {
			return this.items.isEmpty();
		}

		WeightedPicker<T> build() {
			if (this.items.isEmpty()) {
				throw new IllegalStateException("A weighted picker needs at least one item with a positive weight");
			}
			double[] cumulative = new double[this.weights.size()];
			double sum = 0;
			for (int i = 0; i < cumulative.length; i++) {
				sum += this.weights.get(i);
				cumulative[i] = sum;
			}
			return new WeightedPicker<>(Collections.unmodifiableList(new ArrayList<>(this.items)), cumulative);
		}

	}

}
