package fr.lianes.repertoire.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search of the demo directory the test database is loaded with: the index is built
 * at startup, follows writes at once, and finds what people mean.
 * <p>
 * On a database of its own: the test JVM's other contexts share the default one, each
 * with an index of its own in memory, so entries another context adds after this one
 * started would be in the database and not in this index (the index-equals-database
 * checks below then failed depending on which classes a test JVM ran first).
 */
@SpringBootTest(properties = "repertoire.embedded-db.database=search_demo")
class DirectorySearchTests {

	@Autowired
	private DirectorySearch search;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private SearchPages pages;

	@Test
	void indexHoldsExactlyThePublishedActorsAndPublicProjects() {
		long actors = count("select count(*) from actor where published");
		long projects = count("select count(*) from public_project");
		assertThat(actors).isGreaterThan(1900);
		assertThat(this.search.actors(SearchQuery.of("")).total()).isEqualTo(actors);
		assertThat(this.search.projects(SearchQuery.of("")).total()).isEqualTo(projects);
	}

	@Test
	void emptyWordsListEverythingByName() {
		SearchResult result = this.search.actors(SearchQuery.of("  "));
		assertThat(result.ids()).hasSize(20);
		List<String> names = this.jdbc.sql("select name from actor where id in (:ids)")
			.param("ids", result.ids())
			.query(String.class)
			.list();
		assertThat(names).hasSize(20);
		assertThat(result.facets().get(SearchFilter.TYPE)).isNotEmpty();
	}

	@Test
	void aRenameThroughHibernateIsFoundAtOnce() {
		long id = this.jdbc.sql("select id from actor where slug = 'lianes-cooperation'").query(Long.class).single();
		String name = rename(id, "Lianes coopération Zorglub");
		try {
			assertThat(this.search.actors(SearchQuery.of("zorglub")).ids()).containsExactly(id);
		}
		finally {
			rename(id, name);
		}
		assertThat(this.search.actors(SearchQuery.of("zorglub")).total()).isZero();
	}

	@Test
	void accentsAndCaseDoNotMatter() {
		SearchResult accented = this.search.actors(SearchQuery.of("Sénégal"));
		assertThat(accented.total()).isGreaterThan(10);
		assertThat(this.search.actors(SearchQuery.of("senegal"))).isEqualTo(accented);
		assertThat(this.search.actors(SearchQuery.of("SENEGAL"))).isEqualTo(accented);
	}

	@Test
	void aTypoStillFindsTheCountry() {
		SearchResult result = this.search.actors(SearchQuery.of("burkina fasso"));
		assertThat(result.total()).isGreaterThan(10);
		// every actor found works in Burkina Faso or says so (description, name)
		assertThat(this.jdbc
			.sql("""
					select count(*) from actor a
					where a.id in (:ids)
					  and (a.id in (select ap.actor_id from actor_project ap
					                join project_country pc on pc.project_id = ap.project_id
					                where pc.country_iso2 = 'BF') or immutable_unaccent(lower(a.name || ' ' || coalesce(a.acronym, '')
					       || ' ' || coalesce(a.description, ''))) like '%burkina%')""")
			.param("ids", result.ids())
			.query(Long.class)
			.single()).isEqualTo(result.ids().size());
	}

	@Test
	void aPartnerTownFindsTheActorWhoseProjectNamesIt() {
		long villeneuve = this.jdbc.sql("select id from actor where name = 'Ville de Villeneuve-d''Ascq'")
			.query(Long.class)
			.single();
		assertThat(this.search.actors(SearchQuery.of("Tanguieta")).ids()).contains(villeneuve);
		assertThat(this.search.projects(SearchQuery.of("tanguiéta")).total()).isPositive();
	}

	@Test
	void acronymsFindTheirLongForm() {
		assertThat(this.search.actors(SearchQuery.of("OSIM")).total()).isPositive();
		assertThat(this.search.actors(SearchQuery.of("eau potable")).total()).isPositive();
	}

	/**
	 * For every line of the synonyms, each word of it alone (an acronym: "ECSI") finds
	 * every actor and project one of whose fields holds all the words of one of the
	 * line's longer forms, in any order, whatever stands between them: « éducation à la
	 * citoyenneté et la solidarité internationale », one « à » short of the synonym, is
	 * ECSI too. A synonym of several words is its words together in one field on both
	 * backends, never a phrase (OpenSearch's default made it one: « ecsi » found a third
	 * of what it found on Lucene).
	 */
	@Test
	void eachAcronymFindsTheWordsOfItsLongFormsTogetherInOneField() throws Exception {
		int expected = 0;
		for (String line : FrenchElasticsearchAnalysis.lines(FrenchAnalysis.SYNONYMS)) {
			List<String> forms = Arrays.stream(line.split(",")).map(String::strip).toList();
			for (String word : forms.stream().filter((form) -> !form.contains(" ")).toList()) {
				Set<Long> actors = ids((each) -> this.pages.allActors(SearchQuery.of(word), 1000, 1000, each));
				Set<Long> projects = ids((each) -> this.pages.allProjects(SearchQuery.of(word), 1000, 1000, each));
				for (String longForm : forms.stream().filter((form) -> form.contains(" ")).toList()) {
					List<String> stems = stems(longForm);
					Set<Long> actorsSaying = together(SearchTarget.ACTOR, stems);
					Set<Long> projectsSaying = together(SearchTarget.PROJECT, stems);
					assertThat(actors).as("actors found by %s, with all the words of « %s »", word, longForm)
						.containsAll(actorsSaying);
					assertThat(projects).as("projects found by %s, with all the words of « %s »", word, longForm)
						.containsAll(projectsSaying);
					expected += actorsSaying.size() + projectsSaying.size();
				}
			}
		}
		assertThat(expected).isPositive();
	}

	/** The ids of a whole list, as its chunks come. */
	private static Set<Long> ids(Consumer<Consumer<long[]>> list) {
		Set<Long> ids = new HashSet<>();
		list.accept((chunk) -> Arrays.stream(chunk).forEach(ids::add));
		return ids;
	}

	/** The words as indexed (folded, stemmed, without stop words). */
	private static List<String> stems(String text) throws Exception {
		List<String> stems = new ArrayList<>();
		try (TokenStream tokens = DslSearch.stemmer().tokenStream("", text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				stems.add(term.toString());
			}
			tokens.end();
		}
		return stems;
	}

	/**
	 * The published entries of the target one of whose searched fields holds every one of
	 * the terms, on either backend (terms as indexed, not analyzed again).
	 */
	private Set<Long> together(SearchTarget target, List<String> terms) {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			SearchSession session = Search.session(entityManager);
			return new HashSet<>(session.search(session.scope(Object.class, target.entityName()))
				.select((f) -> f.id(Long.class))
				.where((f) -> {
					var anyField = f.bool();
					for (String field : target.textFields().keySet()) {
						var everyTerm = f.bool();
						terms.forEach((term) -> everyTerm.must(f.match().field(field).matching(term).skipAnalysis()));
						anyField.should(everyTerm);
					}
					return f.bool().must(anyField).filter(f.match().field("published").matching(true));
				})
				.fetchAllHits());
		}
		finally {
			entityManager.close();
		}
	}

	@Test
	void anythingTypedIsSearchedAsItsWordsAlone() {
		String longInput = "coopération décentralisée ".repeat(20);
		assertThat(longInput).hasSizeGreaterThan(500);
		long twoWords = this.search.actors(SearchQuery.of("coopération décentralisée")).total();
		assertThat(twoWords).isPositive();
		// cut between two words, never in the middle of one
		assertThat(SearchQuery.of(longInput).q()).hasSizeLessThanOrEqualTo(SearchQuery.MAX_LENGTH)
			.endsWith(" coopération");
		assertThat(this.search.actors(SearchQuery.of(longInput)).total()).isEqualTo(twoWords);
		// query syntax is never interpreted: each input finds what its words alone find
		// (nothing but punctuation: the whole directory, as an empty search)
		Map<String, String> words = new java.util.LinkedHashMap<>();
		words.put("\" * ~ ( AND", "AND");
		words.put("\"eau", "eau");
		words.put("(OR) -NOT +", "OR NOT");
		words.put("-eau", "eau");
		words.put("eau -potable", "eau potable");
		words.put("~~~1", "1");
		words.put("*", "");
		words.put("\\", "");
		long everything = this.search.actors(SearchQuery.of("")).total();
		assertThat(everything).isPositive();
		assertThat(this.search.actors(SearchQuery.of("eau")).total()).isPositive().isLessThan(everything);
		// an elided article alone leaves no word to find: nothing, rather than everything
		assertThat(this.search.actors(SearchQuery.of("l'")).total()).isZero();
		assertThat(this.search.actors(SearchQuery.of("l'eau")).total())
			.isEqualTo(this.search.actors(SearchQuery.of("eau")).total());
		words.forEach((input, plain) -> {
			assertThat(this.search.actors(SearchQuery.of(input)).total()).as(input)
				.isEqualTo(this.search.actors(SearchQuery.of(plain)).total());
			assertThat(this.search.projects(SearchQuery.of(input)).total()).as(input)
				.isEqualTo(this.search.projects(SearchQuery.of(plain)).total());
		});
	}

	@Test
	void facetsCountEachFilterWithoutItsOwnSelection() {
		SearchQuery senegal = SearchQuery.of("").with(SearchFilter.COUNTRY, List.of("SN"));
		SearchResult result = this.search.actors(senegal);
		assertThat(result.total()).isEqualTo(count("select count(distinct ap.actor_id) from actor_project ap "
				+ "join project_country pc on pc.project_id = ap.project_id where pc.country_iso2 = 'SN'"));
		Map<String, Long> countries = result.facets().get(SearchFilter.COUNTRY);
		assertThat(countries).containsEntry("SN", result.total()).containsKey("BF");
		assertThat(result.facets().get(SearchFilter.TYPE).values().stream().mapToLong(Long::longValue).sum())
			.isGreaterThanOrEqualTo(result.total());
	}

	@Test
	void highlightsMarkTheWordsFound() {
		SearchResult result = this.search.actors(SearchQuery.of("Lianes"));
		assertThat(result.highlights().get(result.ids().get(0)).name()).contains("<mark>Lianes</mark>");
	}

	@Test
	void sortsByNameWithoutAccentsOrCase() {
		SearchResult result = this.search.actors(SearchQuery.of("").sortedBy(SearchQuery.Sort.NAME).atPage(1, 100));
		List<String> names = result.ids()
			.stream()
			.map((id) -> this.jdbc.sql("select name from actor where id = :id")
				.param("id", id)
				.query(String.class)
				.single())
			.toList();
		assertThat(names).isSortedAccordingTo(java.util.Comparator.comparing(DirectorySearchTests::folded));
	}

	private static String folded(String name) {
		return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT);
	}

	private String rename(long id, String name) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> {
			EntityManager entityManager = org.springframework.orm.jpa.EntityManagerFactoryUtils
				.getTransactionalEntityManager(this.entityManagerFactory);
			var actor = entityManager.find(fr.lianes.repertoire.directory.Actor.class, id);
			String before = actor.getName();
			fr.lianes.repertoire.directory.EntityChanges.rename(actor, name);
			return before;
		});
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
