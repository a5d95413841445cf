package fr.lianes.repertoire.maps;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShadesTests {

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 5, 7, 126, 1178, 195_100 })
	void rangesCoverEveryCountFromOneToTheLargestWithoutGaps(long max) {
		Shades shades = Shades.upTo(max);
		List<Shades.Range> legend = shades.legend();
		assertThat(legend).isNotEmpty().hasSizeLessThanOrEqualTo(Shades.CLASSES);
		assertThat(legend.get(0).from()).isEqualTo(1);
		assertThat(legend.get(legend.size() - 1).to()).isEqualTo(max);
		for (int i = 1; i < legend.size(); i++) {
			assertThat(legend.get(i).from()).isEqualTo(legend.get(i - 1).to() + 1);
			assertThat(legend.get(i).shade()).isEqualTo(legend.get(i - 1).shade() + 1);
		}
		assertThat(shades.of(0)).isZero();
		assertThat(shades.of(1)).isEqualTo(1);
		assertThat(shades.of(max)).isEqualTo(legend.size());
	}

	@Test
	void aFewLargeCountsDoNotLeaveTheOthersInTheLightestShade() {
		Shades shades = Shades.upTo(1178);
		assertThat(shades.of(30)).isGreaterThan(1);
		assertThat(shades.of(168)).isGreaterThan(shades.of(30));
	}

}
