package fr.lianes.repertoire.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

	private static final String SLUG = Slugs.PATTERN;

	@Test
	void slugsAreLowercaseAsciiWithSingleHyphens() {
		assertThat(Slugs.slugify("Comité de jumelage Arras – Ouagadougou"))
			.isEqualTo("comite-de-jumelage-arras-ouagadougou");
		assertThat(Slugs.slugify("Association Solidarité Lille-Sénégal"))
			.isEqualTo("association-solidarite-lille-senegal");
		assertThat(Slugs.slugify("  L'Œuvre d'Île-de-France !  ")).isEqualTo("l-oeuvre-d-ile-de-france");
		assertThat(Slugs.slugify("Hải Phòng / Cần Thơ")).isEqualTo("hai-phong-can-tho");
	}

	@Test
	void homonymsGetANumber() {
		Slugs.Unique slugs = new Slugs.Unique(160);
		assertThat(slugs.unique("Collège Albert Camus")).isEqualTo("college-albert-camus");
		assertThat(slugs.unique("Collège Albert-Camus")).isEqualTo("college-albert-camus-2");
		assertThat(slugs.unique("Collège Albert Camus")).isEqualTo("college-albert-camus-3");
		assertThat(slugs.unique("Lycée Albert Camus")).isEqualTo("lycee-albert-camus");
	}

	@Test
	void reservedSlugsAreNotHandedOut() {
		Slugs.Unique slugs = new Slugs.Unique(160);
		slugs.reserve("lianes-cooperation");
		assertThat(slugs.unique("Lianes coopération")).isEqualTo("lianes-cooperation-2");
	}

	@Test
	void longNamesAreCutToTheMaximumLengthSuffixIncluded() {
		Slugs.Unique slugs = new Slugs.Unique(20);
		String name = "Association des ressortissants sénégalais de Villeneuve-d'Ascq";
		String first = slugs.unique(name);
		String second = slugs.unique(name);
		assertThat(first).hasSizeLessThanOrEqualTo(20).matches(SLUG);
		assertThat(second).hasSizeLessThanOrEqualTo(20).matches(SLUG).endsWith("-2").isNotEqualTo(first);
	}

	@Test
	void namesWithoutLettersStillGetASlug() {
		assertThat(new Slugs.Unique(160).unique("– ! –")).matches(SLUG);
	}

	@Test
	void referenceEntriesGetTheSameSlugsCutToTheirLength() {
		assertThat(Slugs.slugify("Côte d'Opale", 60)).isEqualTo("cote-d-opale");
		assertThat(Slugs.slugify("Œuvres sociales", 60)).isEqualTo("oeuvres-sociales");
		assertThat(Slugs.slugify("Ægée et Cœur", 60)).isEqualTo("aegee-et-coeur");
		assertThat(Slugs.slugify("Solidarité internationale", 12)).isEqualTo("solidarite-i");
		assertThat(Slugs.slugify("Solidarité internationale", 11)).isEqualTo("solidarite");
	}

}
