package fr.lianes.repertoire.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DirectorySearchTests} on Hibernate Search's Elasticsearch backend, on the
 * OpenSearch test node: the same lists, totals, facets, highlights and typos through the
 * same API ({@link DslSearch} behind {@link DirectorySearch}). On a database and indexes
 * of its own (the node is shared by the JVM's OpenSearch contexts). Also the slices of
 * {@link SearchPages} and the public list over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "repertoire.embedded-db.database=search_demo_os")
class OpenSearchDirectorySearchTests extends DirectorySearchTests {

	private static final Pattern STATUS = Pattern.compile("role=\"status\"[^>]*>([^<]*)<");

	@LocalServerPort
	private int port;

	@Autowired
	private DirectorySearch directory;

	@Autowired
	private SearchPages pages;

	@DynamicPropertySource
	static void openSearch(DynamicPropertyRegistry registry) {
		OpenSearchBackend.configure(registry::add, "demo-");
	}

	@Test
	void runsOnOpenSearch() {
		assertThat(this.directory.onLucene()).isFalse();
		assertThat(OpenSearchTestNode.get("/_cat/aliases?h=alias")).contains("demo-actor-read", "demo-project-read");
	}

	@Test
	void eachFilterIsCountedWithinTheOthersSelections() {
		SearchQuery senegal = SearchQuery.of("eau").with(SearchFilter.COUNTRY, List.of("SN"));
		SearchResult result = this.directory.actors(senegal);
		SearchResult all = this.directory.actors(SearchQuery.of("eau"));
		assertThat(result.total()).isPositive().isLessThan(all.total());
		// the countries counted without the selection of countries: as without any filter
		assertThat(result.facets().get(SearchFilter.COUNTRY)).isEqualTo(all.facets().get(SearchFilter.COUNTRY));
		assertThat(result.facets().get(SearchFilter.COUNTRY).get("SN")).isEqualTo(result.total());
		// the other facets counted within the selection
		assertThat(result.facets().get(SearchFilter.TYPE).values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(result.total());
		SearchResult typed = this.directory.actors(senegal.with(SearchFilter.TYPE,
				List.of(result.facets().get(SearchFilter.TYPE).keySet().iterator().next())));
		assertThat(typed.facets().get(SearchFilter.TYPE)).isEqualTo(result.facets().get(SearchFilter.TYPE));
		assertThat(typed.total()).isPositive().isLessThanOrEqualTo(result.total());
	}

	@Test
	void slicesGoThroughTheWholeListOnceInItsOrder() {
		SearchQuery query = SearchQuery.of("eau");
		SearchResult first = this.directory.actors(query.atPage(1, 50));
		List<Long> sliced = new ArrayList<>();
		String cursor = null;
		do {
			SearchPages.Slice slice = this.pages.actors(query, cursor, 37);
			assertThat(slice.total()).isEqualTo(first.total());
			sliced.addAll(slice.ids());
			cursor = slice.next();
		}
		while (cursor != null);
		assertThat(sliced).hasSize((int) first.total()).doesNotHaveDuplicates();
		assertThat(sliced.subList(0, first.ids().size())).isEqualTo(first.ids());
		List<Long> all = new ArrayList<>();
		this.pages.allActors(query, 100, 100, (ids) -> {
			for (long id : ids) {
				all.add(id);
			}
		});
		assertThat(all).isEqualTo(sliced);
		assertThatThrownBy(() -> this.pages.actors(query, "bm9wZQ", 10))
			.isInstanceOf(SearchPages.InvalidCursorException.class);
	}

	@Test
	void thePublicListShowsTotalFacetsAndMarkedWords() throws Exception {
		SearchResult expected = this.directory.actors(SearchQuery.of("eau").with(SearchFilter.COUNTRY, List.of("SN")));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/acteurs?q=eau&pays=SN"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		String page = response.body();
		Matcher status = STATUS.matcher(page);
		assertThat(status.find()).isTrue();
		assertThat(Long.parseLong(status.group(1).replaceAll("[^0-9]", ""))).isEqualTo(expected.total());
		assertThat(page).containsPattern("id=\"f-pays-SN\"[^>]*checked|checked[^>]*id=\"f-pays-SN\"")
			.containsPattern("id=\"f-pays-(?!SN\")")
			.contains("id=\"f-type-")
			.contains("<mark>");
	}

}
