package fr.lianes.repertoire.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import fr.lianes.repertoire.demo.GeneratorLists.Commune;
import fr.lianes.repertoire.demo.GeneratorLists.Domain;
import fr.lianes.repertoire.demo.GeneratorLists.Network;
import fr.lianes.repertoire.reference.Slugs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorNamesTest {

	private static final Commune ROUBAIX = new Commune("59512", "Roubaix", List.of("59100"), 98_000,
			"metropole-lilloise", "59", "Métropole Européenne de Lille");

	@Test
	void sameSeedSameActors() {
		assertThat(actors(2006, 500)).isEqualTo(actors(2006, 500));
	}

	@Test
	void anotherSeedOtherActors() {
		assertThat(actors(2006, 50)).isNotEqualTo(actors(2007, 50));
	}

	@Test
	void everyTypeGetsANonBlankNameWithoutPlaceholders() {
		ActorNames.Subject subject = new ActorNames.Subject(ROUBAIX, "Sénégal", "Podor", "sénégalais");
		SplittableRandom random = new SplittableRandom(1);
		for (ActorNames.Share share : ActorNames.TYPE_SHARES) {
			for (int i = 0; i < 50; i++) {
				String name = ActorNames.name(share.type(), subject, random);
				assertThat(name).as(share.type()).isNotBlank().doesNotContain("null").doesNotContain("{");
				assertThat(Slugs.slugify(name)).matches("^[a-z0-9]+(-[a-z0-9]+)*$");
			}
		}
	}

	@Test
	void migrantsAssociationsNameTheirPeople() {
		ActorNames.Subject subject = new ActorNames.Subject(ROUBAIX, "Mali", "Kayes", "maliens");
		SplittableRandom random = new SplittableRandom(3);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			names.add(ActorNames.name("association-migrants", subject, random));
		}
		assertThat(names).contains("Association des ressortissants maliens de Roubaix", "Union des Maliens du Nord");
	}

	@Test
	void typeSharesMakeSeventyEightPercentAssociations() {
		double associations = ActorNames.TYPE_SHARES.stream()
			.filter((share) -> ActorNames.isAssociation(share.type()))
			.mapToDouble(ActorNames.Share::percent)
			.sum();
		double all = ActorNames.TYPE_SHARES.stream().mapToDouble(ActorNames.Share::percent).sum();
		assertThat(associations / all).isBetween(0.77, 0.79);
	}

	/** Draws actors the way the generator does, from a small hand-made reference list. */
	private static List<String> actors(long seed, int count) {
		DemoRun run = new DemoRun(new SplittableRandom(seed), new Catalog(reference()), null, 1);
		RandomActors actors = new RandomActors(run);
		List<String> drawn = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ActorSpec spec = actors.next(i % 3 == 0);
			drawn.add(spec.type() + "|" + spec.name() + "|" + spec.commune().insee() + "|" + spec.focus().iso2() + "|"
					+ spec.town() + "|" + spec.themes());
		}
		return drawn;
	}

	private static GeneratorLists reference() {
		List<Commune> communes = List.of(ROUBAIX,
				new Commune("59350", "Lille", List.of("59000", "59800"), 236_000, "metropole-lilloise", "59",
						"Métropole Européenne de Lille"),
				new Commune("59183", "Dunkerque", List.of("59140", "59240"), 87_000, "dunkerquois", "59",
						"Communauté urbaine de Dunkerque"),
				new Commune("62041", "Arras", List.of("62000"), 41_000, "arrageois", "62",
						"Communauté urbaine d'Arras"),
				new Commune("80021", "Amiens", List.of("80000", "80080", "80090"), 134_000, "amienois", "80",
						"Amiens Métropole"));
		LinkedHashSet<String> types = new LinkedHashSet<>();
		ActorNames.TYPE_SHARES.forEach((share) -> types.add(share.type()));
		types.add("region");
		List<Domain> domains = List.of(new Domain(1, "education", null), new Domain(2, "sante", null),
				new Domain(9, "education-au-developpement", null), new Domain(101, "infrastructures-scolaires", 1),
				new Domain(102, "education-de-base", 1), new Domain(201, "equipement-sanitaire", 2),
				new Domain(901, "sensibilisation", 9));
		Map<String, String> countries = new LinkedHashMap<>();
		countries.put("BF", "Burkina Faso");
		countries.put("FR", "France");
		countries.put("MA", "Maroc");
		countries.put("ML", "Mali");
		countries.put("SN", "Sénégal");
		return new GeneratorLists(communes, types, domains, countries,
				List.of(new Network(1, "lianes-cooperation", "Lianes coopération"), new Network(2, "forim", "FORIM")));
	}

}
