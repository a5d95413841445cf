package fr.lianes.repertoire.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class WeightedPickerTest {

	@Test
	void picksInProportionToTheWeights() {
		WeightedPicker<String> picker = WeightedPicker.<String>builder()
			.add("association", 78)
			.add("school", 15)
			.add("authority", 7)
			.build();
		Map<String, Integer> counts = new LinkedHashMap<>();
		SplittableRandom random = new SplittableRandom(2006);
		int draws = 200_000;
		for (int i = 0; i < draws; i++) {
			counts.merge(picker.pick(random), 1, Integer::sum);
		}
		assertThat(counts.get("association") / (double) draws).isCloseTo(0.78, within(0.005));
		assertThat(counts.get("school") / (double) draws).isCloseTo(0.15, within(0.005));
		assertThat(counts.get("authority") / (double) draws).isCloseTo(0.07, within(0.005));
	}

	@Test
	void itemsWithoutWeightAreNeverPicked() {
		WeightedPicker<String> picker = WeightedPicker.<String>builder().add("never", 0).add("always", 1).build();
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 1000; i++) {
			assertThat(picker.pick(random)).isEqualTo("always");
		}
		assertThat(picker.size()).isEqualTo(1);
	}

	@Test
	void sameSeedSamePicks() {
		WeightedPicker<Integer> picker = WeightedPicker.<Integer>builder().add(1, 1).add(2, 2).add(3, 3).build();
		SplittableRandom first = new SplittableRandom(7);
		SplittableRandom second = new SplittableRandom(7);
		for (int i = 0; i < 100; i++) {
			assertThat(picker.pick(first)).isEqualTo(picker.pick(second));
		}
	}

	@Test
	void aPickerNeedsAnItem() {
		assertThatIllegalStateException().isThrownBy(() -> WeightedPicker.<String>builder().add("none", 0).build());
	}

}
