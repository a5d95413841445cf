package fr.lianes.repertoire.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What French queries must find, and in which ranks, on a small directory written for
 * these tests ({@code search/relevance-fixture.sql}) in a database of its own, so that
 * the demo directory does not blur the ranks: accents, case, plurals, elisions, typos,
 * acronyms, places named only by a project, hyphenated communes, several words, and what
 * must never be found or must not outrank an exact match.
 * <p>
 * With Docker, {@code TestDatabaseEnvironmentPostProcessor} creates the database in the
 * container too; either way the fixture is only loaded into an empty database.
 */
@SpringBootTest(properties = { "repertoire.embedded-db.database=relevance", "repertoire.demo.load-on-empty=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceTests {

	private static final String FIXTURE = "search/relevance-fixture.sql";

	/** An actor of the fixture, present once it is loaded. */
	private static final String MARKER = "eau-vive-nord";

	@Autowired
	private DirectorySearch search;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private SearchIndexer indexer;

	private Map<Long, String> actorSlugs;

	private Map<Long, String> projectSlugs;

	@BeforeAll
	void loadFixture() {
		boolean loaded = count("select count(*) from actor where slug = '" + MARKER + "'") > 0;
		if (!loaded) {
			assertThat(count("select count(*) from actor"))
				.as("the relevance fixture goes into an empty database of its own, not the demo one")
				.isZero();
			ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(FIXTURE));
			populator.setSqlScriptEncoding("UTF-8");
			populator.execute(this.dataSource);
		}
		this.indexer.reindexAll().toCompletableFuture().join();
		this.actorSlugs = slugs("actor");
		this.projectSlugs = slugs("project");
	}

	static Stream<Case> cases() {
		return Stream.of(
				// exact names first, near-duplicates after
				actors("Eau Vive").first("eau-vive-nord").inTop(5, "terres-vives"),
				actors("eau vive nord").first("eau-vive-nord"), actors("Terres Vives").first("terres-vives"),
				actors("Sénégal Solidarité").first("senegal-solidarite-villeneuve-d-ascq"),
				actors("Le Beau Geste").first("le-beau-geste"),
				// "eau" is a word, not a part of "beau" or "Beaux-Arts"
				actors("eau").inTop(3, "eau-vive-nord").absent("le-beau-geste", "cercle-des-beaux-arts-de-calais"),
				projects("l'eau")
					.inTop(3, "adduction-d-eau-potable-a-kaya", "citernes-d-eau-de-pluie",
							"maraichage-agroecologique-ziniare")
					.absent("jumelage-beauvais-witten"),
				// accents and case
				actors("senegal").inTop(5, "senegal-solidarite-villeneuve-d-ascq", "eau-vive-nord")
					.absent("association-fantome-du-senegal"),
				actors("Tanguieta").first("ville-de-villeneuve-d-ascq"),
				projects("TANGUIÉTA").inTop(2, "convention-de-cooperation-avec-le-benin",
						"centre-de-sante-de-tanguieta"),
				projects("hue").first("echanges-de-lyceens-avec-hue"),
				actors("haiti").inTop(2, "haiti-espoir-arras", "apres-l-orage"),
				actors("college jean jaures").first("college-jean-jaures-lens"),
				// elisions, straight or curly
				actors("d'Afrique").first("couleurs-d-afrique"),
				actors("couleurs d’afrique").first("couleurs-d-afrique"),
				projects("l’école primaire").first("ecole-primaire-du-centre-ouest"),
				// plurals and singulars
				projects("écoles primaires").first("ecole-primaire-du-centre-ouest"),
				projects("forage").inTop(3, "puits-et-forages-vallee-du-fleuve", "forages-et-moulins-des-plateaux"),
				projects("hôpital").first("jumelage-entre-hopitaux"),
				actors("jumelages").inTop(2, "comite-de-jumelage-de-lens", "comite-de-jumelage-de-beauvais"),
				// typos, which must not outrank exact matches
				actors("burkina fasso").first("echanges-amiens-burkina").inTop(4, "terres-vives", "eau-vive-nord"),
				actors("madagascr").inTop(2, "tsiky-madagascar", "ifsi-valenciennes"),
				actors("senagal").inTop(5, "senegal-solidarite-villeneuve-d-ascq", "eau-vive-nord"),
				actors("tambacunda").inTop(3, "senegal-solidarite-villeneuve-d-ascq", "centre-hospitalier-d-arras"),
				actors("forage").inTop(2, "eau-vive-nord", "association-lilloise-developpement-togo")
					.notInTop(2, "apres-l-orage"),
				actors("orage").first("apres-l-orage"),
				// acronyms and their long forms
				actors("OSIM").inTop(2, "federation-maliens-dunkerque", "comores-entraide"),
				actors("EPCI").first("communaute-urbaine-de-dunkerque"),
				actors("intercommunalité").first("communaute-urbaine-de-dunkerque"),
				actors("CUD").first("communaute-urbaine-de-dunkerque"),
				actors("aldt").first("association-lilloise-developpement-togo"),
				actors("EAD").inTop(3, "artisans-du-monde-amiens", "cap-solidarites").inTop(6, "lycee-faidherbe-lille"),
				projects("ECSI").inTop(5, "semaine-de-la-solidarite-au-lycee", "animations-commerce-equitable"),
				projects("AGR").inTop(2, "moulins-et-agr-pour-les-femmes", "forages-et-moulins-des-plateaux"),
				projects("activités génératrices de revenus").inTop(2, "moulins-et-agr-pour-les-femmes",
						"forages-et-moulins-des-plateaux"),
				projects("AEP").first("adduction-d-eau-potable-a-kaya"),
				// places named only by a project (localities, partner authorities,
				// partners)
				actors("Podor").first("eau-vive-nord"), actors("sidi ifni").first("ville-de-grande-synthe"),
				projects("Sidi-Ifni").first("gestion-des-dechets-et-jeunesse"),
				projects("Tambacounda").inTop(2, "maternite-de-tambacounda", "jumelage-entre-hopitaux"),
				actors("Koudougou").inTop(2, "echanges-amiens-burkina", "college-jean-jaures-lens"),
				actors("groupements féminins").first("senegal-solidarite-villeneuve-d-ascq"),
				actors("université de Douala").first("universite-de-picardie-jules-verne"),
				// hyphenated communes and names, however typed
				actors("Villeneuve d'Ascq").inTop(2, "ville-de-villeneuve-d-ascq",
						"senegal-solidarite-villeneuve-d-ascq"),
				actors("villeneuve dascq").inTop(2, "ville-de-villeneuve-d-ascq",
						"senegal-solidarite-villeneuve-d-ascq"),
				actors("VILLENEUVE-D’ASCQ").inTop(2, "ville-de-villeneuve-d-ascq",
						"senegal-solidarite-villeneuve-d-ascq"),
				actors("grande synthe").first("ville-de-grande-synthe").inTop(2, "comores-entraide"),
				actors("Grande-Synthe Sidi Ifni").first("ville-de-grande-synthe"),
				projects("saint louis").first("restauration-du-patrimoine-de-l-ile"),
				actors("saint-louis").first("lille-saint-louis-amitie"),
				// several words
				projects("eau potable burkina").first("adduction-d-eau-potable-a-kaya"),
				projects("sages-femmes madagascar").first("stages-infirmiers-a-mahajanga"),
				projects("santé Kayes").first("centres-de-sante-communautaires"),
				projects("énergie solaire Mali").first("electrification-solaire-de-centres-de-sante"),
				actors("panneaux solaires").first("soleil-du-nord-energies"),
				projects("panneaux solaires").first("centre-de-sante-de-tanguieta"),
				projects("vietnam").first("echanges-de-lyceens-avec-hue"),
				// words being typed
				actors("madag").first("tsiky-madagascar"), projects("tangui").first("centre-de-sante-de-tanguieta"),
				// never public: an unpublished project, the project of an unpublished
				// actor
				actors("Zinder").none(), projects("zinder").none(), actors("Matam").none(), projects("matam").none());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void findsWhatIsMeant(Case test) {
		boolean actors = test.target == SearchTarget.ACTOR;
		SearchQuery query = SearchQuery.of(test.query).atPage(1, 100);
		SearchResult result = actors ? this.search.actors(query) : this.search.projects(query);
		Map<Long, String> slugs = actors ? this.actorSlugs : this.projectSlugs;
		List<String> ranked = result.ids().stream().map(slugs::get).toList();
		for (Expectation expectation : test.expectations) {
			expectation.check(test, ranked);
		}
	}

	@Test
	void accentsAndCaseGiveTheSameResults() {
		for (SearchTarget target : List.of(SearchTarget.ACTOR, SearchTarget.PROJECT)) {
			List<Long> accented = ids(target, "Sénégal");
			assertThat(accented).hasSizeGreaterThanOrEqualTo(4);
			for (String variant : List.of("senegal", "SENEGAL", "SÉNÉGAL", "sénégal")) {
				assertThat(ids(target, variant)).as("%s %s", target, variant).isEqualTo(accented);
			}
		}
	}

	@Test
	void aTypoInTheCountryFindsItsActorsOnly() {
		List<String> found = ids(SearchTarget.ACTOR, "burkina fasso").stream().map(this.actorSlugs::get).toList();
		List<String> burkina = this.jdbc.sql("""
				select distinct a.slug from actor a join actor_project ap on ap.actor_id = a.id
				join project_country pc on pc.project_id = ap.project_id where pc.country_iso2 = 'BF'""")
			.query(String.class)
			.list();
		assertThat(burkina).hasSize(4);
		assertThat(found).containsExactlyInAnyOrderElementsOf(burkina);
	}

	private List<Long> ids(SearchTarget target, String q) {
		SearchQuery query = SearchQuery.of(q).atPage(1, 100);
		return ((target == SearchTarget.ACTOR) ? this.search.actors(query) : this.search.projects(query)).ids();
	}

	private Map<Long, String> slugs(String table) {
		return this.jdbc.sql("select id, slug from " + table)
			.query((rs, row) -> Map.entry(rs.getLong("id"), rs.getString("slug")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static Case actors(String query) {
		return new Case(query, SearchTarget.ACTOR);
	}

	private static Case projects(String query) {
		return new Case(query, SearchTarget.PROJECT);
	}

	/** A query and what its ranked results must show. */
	static final class Case {

		private final String query;

		private final SearchTarget target;

		private final List<Expectation> expectations = new ArrayList<>();

		Case(String query, SearchTarget target) {
			this.query = query;
			this.target = target;
		}

		/** This result ranks first. */
		Case first(String slug) {
			return inTop(1, slug);
		}

		/** Each of these results ranks in the first {@code n}. */
		Case inTop(int n, String... slugs) {
			for (String slug : slugs) {
				this.expectations.add(new Expectation(Kind.IN_TOP, n, slug));
			}
			return this;
		}

		/** This result, if found, ranks after the first {@code n}. */
		Case notInTop(int n, String slug) {
			this.expectations.add(new Expectation(Kind.NOT_IN_TOP, n, slug));
			return this;
		}

		/** These are not found at all. */
		Case absent(String... slugs) {
			for (String slug : slugs) {
				this.expectations.add(new Expectation(Kind.ABSENT, 0, slug));
			}
			return this;
		}

		/** Nothing is found. */
		Case none() {
			this.expectations.add(new Expectation(Kind.NONE, 0, null));
			return this;
		}

		@Override
		public String toString() {
			return ((this.target == SearchTarget.ACTOR) ? "actors" : "projects") + " \"" + this.query + "\" → "
					+ this.expectations.stream().map(Expectation::toString).collect(Collectors.joining(", "));
		}

	}

	enum Kind {

		IN_TOP, NOT_IN_TOP, ABSENT, NONE

	}

	record Expectation(Kind kind, int n, String slug) {

		void check(Case test, List<String> ranked) {
			String description = test + ", found " + ranked;
			int rank = ranked.indexOf(this.slug);
			switch (this.kind) {
				case IN_TOP -> assertThat(rank).as(description).isBetween(0, this.n - 1);
				case NOT_IN_TOP -> assertThat(rank < 0 || rank >= this.n).as(description).isTrue();
				case ABSENT -> assertThat(rank).as(description).isEqualTo(-1);
				case NONE -> assertThat(ranked).as(description).isEmpty();
			}
		}

		@Override
		public String toString() {
			return switch (this.kind) {
				case IN_TOP -> (this.n == 1) ? this.slug + " first" : this.slug + " in top " + this.n;
				case NOT_IN_TOP -> this.slug + " not in top " + this.n;
				case ABSENT -> "not " + this.slug;
				case NONE -> "nothing";
			};
		}

	}

}
