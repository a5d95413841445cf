package fr.lianes.repertoire.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor types in /acteurs and which of the {@link RelevanceActors} must come up,
 * in which ranks: places of projects, partners, subjects written only in a project's
 * description, acronyms, accents, typos, elisions, plurals and hyphens.
 * <p>
 * Ranks hold on a directory holding only these actors. In the demo directory, actors of
 * the demo named after the same town (« Les Amis de Tanguiéta »…) may share the first
 * ranks: a case says so with {@link Case#demo(int)}, never beyond the first page.
 */
final class RelevanceCases {

	private static final String[] TANGUIETA = { "villeneuve", "asnbnf", "esbva" };

	private RelevanceCases() {
	}

	static Stream<Case> all() {
		return Stream.of(
				// places of projects
				q("Tanguiéta").top(3, TANGUIETA).demo(20).freshOnly("asnbnf"),
				q("tanguieta").top(3, TANGUIETA).demo(20).freshOnly("asnbnf"),
				q("TANGUIÉTA").top(3, TANGUIETA).demo(20).freshOnly("asnbnf"), q("Dnipro").first("region").demo(12),
				q("Dnipropetrovsk").first("region").demo(2), q("Itabira").first("lens-lievin").demo(12),
				q("Minas Gerais").top(2, "region", "lens-lievin").demo(4), q("Mitsamiouli").first("ngazidja"),
				q("Fénérive-Est").first("lycee-agricole").demo(20), q("Mahajanga").first("ifsi-bethune").demo(12),
				q("Huế").first("lycee-berger").demo(8), q("Jacmel").first("haiti").demo(12),
				q("Léogâne").first("haiti"), q("Tillabéri").first("agence-eau").demo(5),
				q("moringa Koudougou").first("graines-de-baobab"), q("Dori").first("jumelage-lievin"),
				q("Gomel").first("tchernobyl"), q("correspondance scolaire Ziguinchor").first("college-mace"),
				q("Saint-Louis").top(3, "region", "pasteur", "universite-lille")
					.demo(20)
					.freshOnly("pasteur", "universite-lille"),
				q("Diéma").first("maliens-littoral").demo(6), q("Richard-Toll").first("pasteur"),
				q("Ouro Preto").first("mission-bassin-minier"), q("Januária").first("scarpe-escaut"),
				q("Belo Horizonte").top(2, "region", "mission-bassin-minier").demo(12),
				// partners, partner authorities
				q("AADACT").top(2, "villeneuve", "asnbnf").demo(4),
				q("Commune de Tanguiéta").first("villeneuve").demo(7),
				q("oblast de Dnipropetrovsk").first("region").demo(2), q("municipalité d'Itabira").first("lens-lievin"),
				q("mairie de Dori").first("jumelage-lievin"), q("Université Gaston Berger").first("universite-lille"),
				q("Hôpital Fousseyni Daou").first("ch-valenciennes"),
				q("hôpital de Kayes").first("ch-valenciennes").demo(8), q("ASACO").first("maliens-littoral"),
				q("Ragussi").first("graines-de-baobab"), q("Quadrilatère ferrifère").first("mission-bassin-minier"),
				q("Espoir pour la santé").first("pasteur"), q("Quoc Hoc").first("lycee-berger"),
				q("conseil régional de Kayes").first("region"),
				// names before partners
				q("Gaston Berger").first("lycee-berger").top(2, "universite-lille").demo(8),
				// subjects written only in a project's description
				q("schistosomiase").first("pasteur"), q("épidémiologie du paludisme").first("universite-lille"),
				q("girofle").first("lycee-agricole"), q("vanille").first("lycee-agricole"),
				q("radioactivité").first("tchernobyl"), q("impression 3D").first("region"),
				q("fonds de garantie").first("maliens-littoral"), q("karité").first("graines-de-baobab"),
				q("érosion côtière").first("pas-de-calais"), q("cacao").first("artisans-du-monde"),
				q("agriculture urbaine").first("grande-synthe"), q("zones humides").first("scarpe-escaut"),
				q("néonatalogie").first("ch-valenciennes"), q("embouche ovine").first("maliens-littoral"),
				q("terrils").first("mission-bassin-minier"), q("eaux usées").first("henin-carvin"),
				q("matrones").first("maliens-littoral"), q("Interreg").first("region"),
				q("pisciculture").first("lycee-agricole"), q("cité impériale").first("lycee-berger"),
				// acronyms and their long forms
				q("ESBVA").first("esbva"), q("ESBVA-LM").first("esbva"), q("ASNBNF").first("asnbnf").demo(2),
				q("IFSI").first("ifsi-bethune").demo(7), q("CEFIR").first("cefir").top(2, "cosim").demo(4),
				q("CORAS").first("lianes"), q("rev3").first("region"), q("OSIM").top(4, "cosim", "maliens-littoral"),
				q("ECSI commerce équitable").first("artisans-du-monde").demo(3),
				q("AGR karité").first("graines-de-baobab"),
				q("activités génératrices de revenus moringa").first("graines-de-baobab"),
				// accents, case, typos
				q("tanguietta").top(3, TANGUIETA).demo(20).freshOnly("asnbnf"),
				q("mahajunga").first("ifsi-bethune").demo(12), q("tchernobil").first("tchernobyl"),
				q("hue").first("lycee-berger").demo(8), q("Haïti").first("haiti").demo(8),
				q("haiti").first("haiti").demo(8),
				// elisions, straight or curly
				q("centre d'apprentissage électrifié").top(2, "asnbnf", "villeneuve").demo(5),
				q("l’alphabétisation des apprentis").first("asnbnf"),
				// plurals and singulars
				q("écoles paracycloniques").first("haiti"), q("parasismique").first("haiti"),
				q("enfants du Bélarus").first("tchernobyl"), q("groupement féminin").first("graines-de-baobab"),
				// hyphens, however typed
				q("sidi-ifni parc urbain").first("grande-synthe"), q("fenerive est").first("lycee-agricole").demo(20),
				q("grand popo").first("pas-de-calais"), q("Grand-Popo").first("pas-de-calais"),
				q("Hénin-Carvin").first("henin-carvin").demo(2), q("henin carvin").first("henin-carvin").demo(2),
				q("Lens-Liévin").first("lens-lievin").demo(2), q("Villeneuve dascq").top(2, "villeneuve"),
				// several words: the actor, its place and its partner together
				q("Villeneuve d'Ascq Tanguiéta").first("villeneuve").demo(3),
				q("Grande-Synthe Sidi Ifni").first("grande-synthe").demo(2),
				q("maternité Diéma").first("maliens-littoral"), q("basket filles").first("esbva"),
				q("festival des solidarités Hauts-de-France").first("lianes"),
				q("commerce équitable").first("artisans-du-monde"), q("nord bénin").first("asnbnf"),
				// countries of projects
				q("Comores eau potable").first("ngazidja").demo(5), q("Bélarus").first("tchernobyl"));
	}

	private static Case q(String query) {
		return new Case(query);
	}

	/** A query and where the actors it must find rank. */
	static final class Case {

		final String query;

		private final List<String[]> expectations = new ArrayList<>();

		private int demoTop;

		private final List<String> freshOnly = new ArrayList<>();

		Case(String query) {
			this.query = query;
		}

		Case first(String key) {
			return top(1, key);
		}

		/** Each of these actors ranks in the first {@code n}. */
		Case top(int n, String... keys) {
			for (String key : keys) {
				this.expectations.add(new String[] { key, String.valueOf(n) });
			}
			return this;
		}

		/**
		 * In the demo directory, the expected actors rank in the first {@code n} (actors
		 * of the demo are named after the same places).
		 */
		Case demo(int n) {
			this.demoTop = n;
			return this;
		}

		/**
		 * In the demo directory, these actors are not looked for in the first page: their
		 * project names the place only among its localities, and more than twenty actors
		 * of the demo work there and name it in titles, partners and descriptions.
		 */
		Case freshOnly(String... keys) {
			this.freshOnly.addAll(List.of(keys));
			return this;
		}

		/**
		 * Checks the ranked results.
		 * @param ranked the keys of the actors listed, in order ("·" for actors not of
		 * the suite)
		 * @param named the same, the others by their name
		 * @param demo whether the directory is the demo one
		 */
		void check(List<String> ranked, List<String> named, boolean demo) {
			for (String[] expectation : this.expectations) {
				if (demo && this.freshOnly.contains(expectation[0])) {
					continue;
				}
				int n = (demo && this.demoTop > 0) ? this.demoTop : Integer.parseInt(expectation[1]);
				assertThat(ranked.indexOf(expectation[0]))
					.as("%s: %s in the first %d of %s", this.query, expectation[0], n, named)
					.isBetween(0, n - 1);
			}
		}

		@Override
		public String toString() {
			return "\"" + this.query + "\" → "
					+ this.expectations.stream()
						.collect(Collectors.groupingBy((e) -> e[1], java.util.TreeMap::new,
								Collectors.mapping((e) -> e[0], Collectors.joining(", "))))
						.entrySet()
						.stream()
						.map((e) -> (e.getKey().equals("1") ? "first: " : "top " + e.getKey() + ": ") + e.getValue())
						.collect(Collectors.joining("; "))
					+ ((this.demoTop > 0) ? " (demo: top " + this.demoTop + ")" : "")
					+ (this.freshOnly.isEmpty() ? "" : " (not in the demo: " + String.join(", ", this.freshOnly) + ")");
		}

	}

}
