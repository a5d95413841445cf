package fr.lianes.repertoire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.lianes.repertoire.RepertoireApplication;
import fr.lianes.repertoire.search.DirectorySearch;
import fr.lianes.repertoire.search.SearchFilter;
import fr.lianes.repertoire.search.SearchIndexer;
import fr.lianes.repertoire.search.SearchQuery;
import fr.lianes.repertoire.search.SearchResult;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search benchmark: the Lucene index ({@link DirectorySearch}) against a PostgreSQL
 * full-text baseline (tsvector, unaccent, French configuration, GIN index) on the same
 * data and the same queries, with the same filters, page size, exact total and facet
 * counts. Also times a mass reindex of the whole directory.
 * <p>
 * Not a test (no Surefire suffix): run by {@code src/bench/search.sh [scale]}, which
 * compiles it and starts it with a 1 GB heap. Arguments: the scale (1, 10 or 100), the
 * data directory, the file to write the Markdown report to. System properties
 * {@code bench.warmup} (rounds, default 10), {@code bench.rounds} (default 10) and
 * {@code bench.reindex} ({@code false} to skip the timed reindex), {@code bench.baseline}
 * ({@code false} to time Lucene alone, while iterating: the PostgreSQL columns then read
 * 0), {@code bench.dump} (a file to write, for each query, the total, the ids of pages 1
 * and 2, the facets and the highlights: to check that a change of the search keeps its
 * results, by comparing the files of two runs).
 * <p>
 * {@code bench.backend=opensearch} searches an OpenSearch node instead of the Lucene
 * index (Hibernate Search's Elasticsearch backend at {@code bench.opensearch}, indexes
 * prefixed {@code bench.index-prefix}, default {@code bench-}): the same
 * {@code DirectorySearch} API, which goes through {@code DslSearch} there; the start
 * builds the node's index from PostgreSQL when it is not whole. {@code bench.times} names
 * a file to write each query's total and timings to, for {@link SearchBackendsBenchmark}
 * to put both backends side by side.
 * <p>
 * The baseline lives in its own schema {@code bench} (table {@code bench.actor_fts}),
 * built once and rebuilt only when the number of published actors changed; it is not part
 * of the application's migrations. Drop it with {@code drop schema bench cascade}.
 */
public final class SearchBenchmark {

	private static final int PAGE_SIZE = 20;

	private static final Map<SearchFilter, String> PARAMS = new EnumMap<>(
			Map.of(SearchFilter.TYPE, "type", SearchFilter.TERRITORY, "territoire", SearchFilter.COUNTRY, "pays",
					SearchFilter.DOMAIN, "domaine", SearchFilter.STATUS, "statut"));

	/** What people type, alone or with the filters of the list pages. */
	private static final List<BenchQuery> QUERIES = List.of(q("senegal"), q("eau potable"), q("jumelage"),
			q("tanguieta"), q("osim"), q("ecsi"), q("education"), q("sante maternelle"), q("burkina"),
			q("maraichage femmes"), q("lycee"), q("ecole"), q("formation"), q("mali"), q("madagascar"), q("hopital"),
			q("agriculture"), q("puits"), q("bibliotheque"), q("handicap"), q("association"), q("dunkerque"),
			q("solidarite internationale"), q("developpement durable"), q("cooperation decentralisee"),
			q("senegal", "pays=SN"), q("eau potable", "pays=BF"), q("ecole", "domaine=education"),
			q("formation", "type=association-migrants"), q("jumelage", "territoire=metropole-lilloise"),
			q("sante", "statut=ACTIVE"), q("education", "pays=SN", "domaine=education", "statut=ACTIVE"),
			q("femmes", "type=association-solidarite-internationale", "territoire=metropole-lilloise"),
			q("agriculture", "pays=ML", "pays=BF"), q("lycee", "territoire=dunkerquois"),
			q("sante maternelle", "pays=BJ"), q("cooperation", "type=commune", "statut=ACTIVE"), q("", "pays=SN"),
			q("", "pays=SN", "domaine=education", "statut=ACTIVE"),
			q("", "territoire=metropole-lilloise", "type=association-solidarite-internationale"));

	private final JdbcClient jdbc;

	private final DirectorySearch search;

	private final TransactionTemplate readOnly;

	private final ConfigurableApplicationContext context;

	/** Whether to run the PostgreSQL baseline too ({@code bench.baseline}). */
	private final boolean baseline;

	/** The OpenSearch node searched, or null for the Lucene index. */
	private final String openSearch;

	private final String indexPrefix;

	private SearchBenchmark(ConfigurableApplicationContext context, boolean baseline, String openSearch,
			String indexPrefix) {
		this.baseline = baseline;
		this.openSearch = openSearch;
		this.indexPrefix = indexPrefix;
		this.context = context;
		this.jdbc = context.getBean(JdbcClient.class);
		this.search = context.getBean(DirectorySearch.class);
		this.readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		this.readOnly.setReadOnly(true);
	}

	public static void main(String[] args) throws Exception {
		int scale = Integer.parseInt((args.length > 0) ? args[0] : "1");
		String dataDir = (args.length > 1) ? args[1] : "target/bench-" + scale + "x";
		Path report = Path.of((args.length > 2) ? args[2] : "target/search-bench-" + scale + "x.md");
		int warmup = Integer.getInteger("bench.warmup", 10);
		int rounds = Integer.getInteger("bench.rounds", 10);
		boolean reindex = Boolean.parseBoolean(System.getProperty("bench.reindex", "true"));
		boolean baseline = Boolean.parseBoolean(System.getProperty("bench.baseline", "true"));
		String backend = System.getProperty("bench.backend", "lucene");
		String openSearch = switch (backend) {
			case "lucene" -> null;
			case "opensearch" -> System.getProperty("bench.opensearch");
			default -> throw new IllegalArgumentException("bench.backend: lucene or opensearch, not " + backend);
		};
		if ("opensearch".equals(backend) && openSearch == null) {
			throw new IllegalArgumentException("bench.backend=opensearch needs bench.opensearch=http://host:port");
		}
		String indexPrefix = System.getProperty("bench.index-prefix", "bench-");
		List<String> arguments = new ArrayList<>(
				List.of("--repertoire.data-dir=" + dataDir, "--repertoire.demo.scale=" + scale));
		if (openSearch != null) {
			// the settings of README "Running several instances"
			arguments.addAll(List.of("--spring.jpa.properties.hibernate.search.backend.type=elasticsearch",
					"--spring.jpa.properties.hibernate.search.backend.uris=" + openSearch,
					"--repertoire.search.index-prefix=" + indexPrefix));
		}

		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RepertoireApplication.class)
			.web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
		double startSeconds = (System.nanoTime() - started) / 1e9;
		try {
			checkEnvironment(context, dataDir);
			StringBuilder out = new StringBuilder();
			new SearchBenchmark(context, baseline, openSearch, indexPrefix).run(out, scale, dataDir, startSeconds,
					reindex, warmup, rounds);
			Files.createDirectories(report.toAbsolutePath().getParent());
			Files.writeString(report, out);
			System.out.println();
			System.out.println(out);
			System.out.println("Report written to " + report);
		}
		finally {
			context.close();
		}
	}

	/**
	 * Arguments, not default properties, since application.yaml sets the data directory.
	 * The test resources register environment post-processors that move the database and
	 * the index elsewhere (a throw-away database, an in-memory index): the script runs
	 * this class without them; refuse to measure if they are there.
	 */
	private static void checkEnvironment(ConfigurableApplicationContext context, String dataDir) {
		var environment = context.getEnvironment();
		String directoryType = environment.getProperty("spring.jpa.properties.hibernate.search.backend.directory.type");
		if (!dataDir.equals(environment.getProperty("repertoire.data-dir")) || "local-heap".equals(directoryType)) {
			throw new IllegalStateException("The test environment post-processors are on the classpath: run "
					+ "src/bench/search.sh, which leaves target/test-classes/META-INF out");
		}
	}

	private void run(StringBuilder out, int scale, String dataDir, double startSeconds, boolean reindex, int warmup,
			int rounds) {
		long actorRows = count("select count(*) from actor");
		long projectRows = count("select count(*) from project");
		long publishedActors = count("select count(*) from actor where published");
		long publicProjects = count("select count(*) from public_project");
		int cores = Runtime.getRuntime().availableProcessors();
		long maxHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024);

		out.append(String.format(Locale.ROOT, "### Scale %dx (%s, %d cores, heap %d MB)%n%n", scale, LocalDate.now(),
				cores, maxHeap));
		out.append(String.format(Locale.ROOT,
				"%,d actors (%,d published), %,d projects (%,d public); application context started in %.1f s%n%n",
				actorRows, publishedActors, projectRows, publicProjects, startSeconds));

		out.append("| measure | value |\n|---|---|\n");
		if (reindex) {
			Reindex timed = reindex(this.context.getBean(SearchIndexer.class));
			out.append(String.format(Locale.ROOT, "| mass reindex (actors + projects), heap %d MB | %.1f s |%n",
					maxHeap, timed.seconds()));
			out.append(String.format(Locale.ROOT, "| entities read per second | %,.0f |%n",
					(actorRows + projectRows) / timed.seconds()));
			out.append(String.format(Locale.ROOT, "| heap in use after the reindex (after a GC) | %d MB |%n",
					timed.heapAfterMb()));
		}
		long indexBytes = (this.openSearch != null) ? openSearchStoreSize() : directorySize(Path.of(dataDir, "index"));
		out.append(String.format(Locale.ROOT, "| index size on disk%s | %d MB |%n",
				(this.openSearch != null) ? " (OpenSearch store, primaries)" : "", indexBytes / (1024 * 1024)));
		if (this.baseline) {
			double baselineSeconds = buildBaseline(publishedActors);
			out.append(String.format(Locale.ROOT, "| PostgreSQL baseline build (tsvector + GIN) | %s |%n",
					(baselineSeconds < 0) ? "already built" : String.format(Locale.ROOT, "%.1f s", baselineSeconds)));
			out.append(String.format(Locale.ROOT, "| PostgreSQL baseline table + GIN index size | %s |%n",
					this.jdbc.sql("select pg_size_pretty(pg_total_relation_size('bench.actor_fts'))")
						.query(String.class)
						.single()));
		}
		out.append("\n");

		// What the page shows of the words found, for a look in the log.
		for (String q : List.of("senegal", "eau potable", "burkina fasso")) {
			SearchResult sample = this.search.actors(SearchQuery.of(q));
			sample.ids()
				.stream()
				.limit(2)
				.forEach((id) -> System.err.printf(Locale.ROOT, "highlights of %s, %d: %s%n", q, id,
						sample.highlights().get(id)));
		}

		// Same results? Totals of both engines, once.
		List<long[]> totals = new ArrayList<>();
		for (BenchQuery query : QUERIES) {
			totals.add(new long[] { directory(query), this.baseline ? postgres(query) : -1 });
		}

		String dump = System.getProperty("bench.dump");
		if (dump != null) {
			dump(Path.of(dump));
		}

		for (int round = 0; round < warmup; round++) {
			runRound(round, null, null);
			System.err.printf(Locale.ROOT, "warm-up round %d/%d done%n", round + 1, warmup);
		}
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		Map<BenchQuery, List<Long>> luceneTimes = new LinkedHashMap<>();
		Map<BenchQuery, List<Long>> postgresTimes = new LinkedHashMap<>();
		for (int round = 0; round < rounds; round++) {
			runRound(round, luceneTimes, postgresTimes);
			System.err.printf(Locale.ROOT, "measured round %d/%d done%n", round + 1, rounds);
		}

		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		long[] lucene = all(luceneTimes);
		long[] postgres = this.baseline ? all(postgresTimes) : new long[] { 0 };
		out.append(String.format(Locale.ROOT,
				"%d queries x %d measured rounds (after %d warm-up rounds), sequential, engines alternating; "
						+ "one request = page of %d + exact total + 5 facet counts%n%n",
				QUERIES.size(), rounds, warmup, PAGE_SIZE));
		out.append(String.format(Locale.ROOT,
				"(system load average, 1 min: %.1f before the measured rounds, %.1f after; %d cores)%n%n", loadBefore,
				loadAfter, Runtime.getRuntime().availableProcessors()));
		out.append("| engine | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n|---|---|---|---|---|\n");
		out.append(row(engine() + " (`DirectorySearch.actors`)", lucene));
		out.append(row("PostgreSQL FTS baseline", postgres));
		out.append(String.format(Locale.ROOT, "| ratio PostgreSQL / %s | %.1fx | %.1fx | %.1fx | %.1fx |%n%n", engine(),
				percentile(postgres, 50) / percentile(lucene, 50), percentile(postgres, 95) / percentile(lucene, 95),
				percentile(postgres, 99) / percentile(lucene, 99),
				percentile(postgres, 100) / percentile(lucene, 100)));

		out.append("Per query (p50 / p95 in ms; totals found by each engine)\n\n");
		out.append(String.format(Locale.ROOT,
				"| q | filters | %1$s p50 | %1$s p95 | PG p50 | PG p95 | %1$s total | PG total |%n", engine()));
		out.append("|---|---|---|---|---|---|---|---|\n");
		for (int i = 0; i < QUERIES.size(); i++) {
			BenchQuery query = QUERIES.get(i);
			long[] l = toArray(luceneTimes.get(query));
			long[] p = this.baseline ? toArray(postgresTimes.get(query)) : new long[] { 0 };
			out.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %,d | %,d |%n",
					query.q().isEmpty() ? "(none)" : "`" + query.q() + "`",
					query.filterText().isEmpty() ? "" : "`" + query.filterText() + "`", percentile(l, 50),
					percentile(l, 95), percentile(p, 50), percentile(p, 95), totals.get(i)[0], totals.get(i)[1]));
		}

		String times = System.getProperty("bench.times");
		if (times != null) {
			writeTimes(Path.of(times), startSeconds, indexBytes, loadBefore, loadAfter, totals, luceneTimes);
		}
	}

	/** Lucene, or OpenSearch when the benchmark searches a node. */
	private String engine() {
		return (this.openSearch != null) ? "OpenSearch" : "Lucene";
	}

	/**
	 * What {@link SearchBackendsBenchmark} reads of a run: a few measures (name, tab,
	 * value), then one line per query: its number, words, filters, total, and the times
	 * of the measured rounds in nanoseconds (comma-separated).
	 */
	private void writeTimes(Path file, double startSeconds, long indexBytes, double loadBefore, double loadAfter,
			List<long[]> totals, Map<BenchQuery, List<Long>> times) {
		StringBuilder lines = new StringBuilder();
		lines.append("engine\t").append(engine()).append('\n');
		lines.append(String.format(Locale.ROOT, "start-seconds\t%.1f%n", startSeconds));
		lines.append("index-bytes\t").append(indexBytes).append('\n');
		lines.append(String.format(Locale.ROOT, "load-before\t%.2f%nload-after\t%.2f%n", loadBefore, loadAfter));
		lines.append("heap-mb\t").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append('\n');
		for (int i = 0; i < QUERIES.size(); i++) {
			BenchQuery query = QUERIES.get(i);
			lines.append(String.format(Locale.ROOT, "query\t%d\t%s\t%s\t%d\t%s%n", i, query.q(), query.filterText(),
					totals.get(i)[0], times.get(query).stream().map(String::valueOf).collect(Collectors.joining(","))));
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final Pattern PRIMARY_STORE = Pattern
		.compile("\"_all\":\\{\"primaries\":\\{\"store\":\\{\"size_in_bytes\":(\\d+)");

	/**
	 * The size of the benchmark's indexes on the node, primaries only (no replicas here).
	 */
	private long openSearchStoreSize() {
		HttpRequest stats = HttpRequest
			.newBuilder(URI.create(this.openSearch + "/" + this.indexPrefix + "*/_stats/store"))
			.GET()
			.build();
		try {
			String body = HttpClient.newHttpClient().send(stats, HttpResponse.BodyHandlers.ofString()).body();
			Matcher size = PRIMARY_STORE.matcher(body);
			if (!size.find()) {
				throw new IllegalStateException("No store size in " + body);
			}
			return Long.parseLong(size.group(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void runRound(int round, Map<BenchQuery, List<Long>> luceneTimes,
			Map<BenchQuery, List<Long>> postgresTimes) {
		for (BenchQuery query : QUERIES) {
			boolean luceneFirst = (round % 2 == 0);
			for (int engine = 0; engine < 2; engine++) {
				boolean useLucene = (engine == 0) == luceneFirst;
				if (!useLucene && !this.baseline) {
					continue;
				}
				long start = System.nanoTime();
				if (useLucene) {
					directory(query);
				}
				else {
					postgres(query);
				}
				long elapsed = System.nanoTime() - start;
				if (luceneTimes != null) {
					(useLucene ? luceneTimes : postgresTimes).computeIfAbsent(query, (k) -> new ArrayList<>())
						.add(elapsed);
				}
			}
		}
	}

	// ------------------------------------------------------------------ reindex

	private record Reindex(double seconds, long heapAfterMb) {

	}

	private static Reindex reindex(SearchIndexer indexer) {
		long start = System.nanoTime();
		indexer.reindexAll().toCompletableFuture().join();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
		return new Reindex(seconds, heap);
	}

	// ------------------------------------------------------------------ DirectorySearch
	// (Lucene, or OpenSearch)

	private long directory(BenchQuery query) {
		Map<SearchFilter, List<String>> filters = new EnumMap<>(SearchFilter.class);
		query.filters().forEach((filter, values) -> filters.put(filter, values));
		SearchResult result = this.search
			.actors(new SearchQuery(query.q(), filters, SearchQuery.Sort.RELEVANCE, 1, PAGE_SIZE));
		return result.total();
	}

	/** What each query gives: total, pages 1 and 2, facets, highlights; one line each. */
	private void dump(Path file) {
		StringBuilder lines = new StringBuilder();
		for (BenchQuery query : QUERIES) {
			Map<SearchFilter, List<String>> filters = new EnumMap<>(query.filters());
			for (int page = 1; page <= 2; page++) {
				SearchResult result = this.search
					.actors(new SearchQuery(query.q(), filters, SearchQuery.Sort.RELEVANCE, page, PAGE_SIZE));
				lines.append(String.format(Locale.ROOT,
						"%s | %s | page %d | total %d | ids %s | facets %s | highlights %s%n", query.q(),
						query.filterText(), result.page(), result.total(), result.ids(), result.facets(),
						result.highlights()));
			}
		}
		try {
			Files.writeString(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ------------------------------------------------------------------ PostgreSQL
	// baseline

	/**
	 * The same text as the actor's Lucene document: name and acronym (weight A); commune,
	 * countries and localities of the public projects (B); description, type, territory,
	 * domains (with their parent), partners (and partner authority) and project titles
	 * (C). Published actors only, public projects only, like the index.
	 * @return the seconds it took, or -1 if it was there already
	 */
	private double buildBaseline(long publishedActors) {
		this.jdbc.sql("create schema if not exists bench").update();
		// The countries and domains of each actor's public projects, GIN-indexed: the SQL
		// facets
		// the application used before its search index, kept for the baseline's filters
		// and facets.
		this.jdbc.sql("""
				create materialized view if not exists bench.actor_reach as
				with link as (select actor_id, project_id from actor_project),
				     countries as (select l.actor_id, array_agg(distinct pc.country_iso2) as countries
				                   from link l
				                            join project_country pc on pc.project_id = l.project_id
				                   group by l.actor_id),
				     domains as (select l.actor_id, array_agg(distinct x.id) as domains
				                 from link l
				                          join project_domain pd on pd.project_id = l.project_id
				                          join domain d on d.id = pd.domain_id
				                          cross join lateral (values (d.id), (d.parent_id)) as x(id)
				                 where x.id is not null
				                 group by l.actor_id)
				select a.id as actor_id,
				       coalesce(c.countries, '{}') as countries,
				       coalesce(d.domains, '{}')   as domains
				from actor a
				         left join countries c on c.actor_id = a.id
				         left join domains d on d.actor_id = a.id
				""").update();
		this.jdbc.sql("create unique index if not exists actor_reach_actor_idx on bench.actor_reach (actor_id)")
			.update();
		this.jdbc.sql("create index if not exists actor_reach_countries_idx on bench.actor_reach using gin (countries)")
			.update();
		this.jdbc.sql("create index if not exists actor_reach_domains_idx on bench.actor_reach using gin (domains)")
			.update();
		this.jdbc.sql("create table if not exists bench.actor_fts (actor_id bigint primary key, doc tsvector not null)")
			.update();
		if (count("select count(*) from bench.actor_fts") == publishedActors) {
			return -1;
		}
		long start = System.nanoTime();
		this.jdbc.sql("refresh materialized view bench.actor_reach").update();
		this.jdbc.sql("drop index if exists bench.actor_fts_doc_idx").update();
		this.jdbc.sql("truncate bench.actor_fts").update();
		this.jdbc
			.sql("""
					insert into bench.actor_fts (actor_id, doc)
					with link as materialized (select actor_id, project_id from actor_project),
					     countries as (select l.actor_id, string_agg(distinct co.name_fr, ' ') as text
					                   from link l join project_country pc on pc.project_id = l.project_id
					                               join country co on co.iso2 = pc.country_iso2
					                   group by l.actor_id),
					     domains as (select l.actor_id, string_agg(distinct d.name, ' ') as text
					                 from link l join project_domain pd on pd.project_id = l.project_id
					                             join domain sub on sub.id = pd.domain_id
					                             cross join lateral (values (sub.id), (sub.parent_id)) as x(id)
					                             join domain d on d.id = x.id
					                 group by l.actor_id),
					     localities as (select l.actor_id, string_agg(distinct loc, ' ') as text
					                    from link l join project p on p.id = l.project_id
					                                cross join unnest(p.localities) as loc
					                    group by l.actor_id),
					     partners as (select actor_id, string_agg(distinct name, ' ') as text
					                  from (select l.actor_id, po.name
					                        from link l join project_partner pp on pp.project_id = l.project_id
					                                    join partner_organisation po on po.id = pp.partner_id
					                        union all
					                        select l.actor_id, p.partner_authority
					                        from link l join project p on p.id = l.project_id
					                        where p.partner_authority is not null) as names
					                  group by actor_id),
					     titles as (select l.actor_id, string_agg(distinct p.title, ' ') as text
					                from link l join project p on p.id = l.project_id
					                group by l.actor_id)
					select a.id,
					       setweight(to_tsvector('french', immutable_unaccent(a.name || ' ' || coalesce(a.acronym, ''))), 'A')
					       || setweight(to_tsvector('french', immutable_unaccent(c.name || ' ' || coalesce(co.text, '')
					                                          || ' ' || coalesce(lo.text, ''))), 'B')
					       || setweight(to_tsvector('french', immutable_unaccent(coalesce(a.description, '') || ' '
					                                          || t.name || ' ' || coalesce(tr.name, '') || ' '
					                                          || coalesce(dm.text, '') || ' ' || coalesce(pa.text, '')
					                                          || ' ' || coalesce(ti.text, ''))), 'C')
					from actor a
					         join actor_type t on t.code = a.actor_type_code
					         join commune c on c.insee_code = a.commune_insee
					         left join epci e on e.siren = c.epci_siren
					         left join territory tr on tr.id = e.territory_id
					         left join countries co on co.actor_id = a.id
					         left join domains dm on dm.actor_id = a.id
					         left join localities lo on lo.actor_id = a.id
					         left join partners pa on pa.actor_id = a.id
					         left join titles ti on ti.actor_id = a.id
					where a.published
					""")
			.update();
		this.jdbc.sql("create index actor_fts_doc_idx on bench.actor_fts using gin (doc)").update();
		this.jdbc.sql("analyze bench.actor_fts").update();
		return (System.nanoTime() - start) / 1e9;
	}

	private static final String FROM = " from actor a left join bench.actor_reach r on r.actor_id = a.id ";

	private static final String FTS = " join bench.actor_fts f on f.actor_id = a.id ";

	private static final String TSQUERY = "websearch_to_tsquery('french', immutable_unaccent(:q))";

	/**
	 * One request of the baseline, as the list pages do it: the page (ranked, with
	 * highlights of its rows), the exact total, and the five facets, each counted with
	 * every filter but its own (disjunctive), in one read-only transaction.
	 */
	private long postgres(BenchQuery query) {
		return this.readOnly.execute((status) -> {
			boolean text = !query.q().isBlank();
			String from = FROM + (text ? FTS : "");
			Map<String, Object> params = new LinkedHashMap<>();
			Map<SearchFilter, String> conditions = new EnumMap<>(SearchFilter.class);
			if (text) {
				params.put("q", query.q());
			}
			query.filters().forEach((filter, values) -> {
				params.put(PARAMS.get(filter), values);
				conditions.put(filter, condition(filter));
			});
			String where = where(text, conditions, null);
			long total = this.jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
			String order = text ? "ts_rank(f.doc, " + TSQUERY + ") desc, a.name, a.id"
					: "a.name collate \"fr-x-icu\", a.id";
			String page = "select a.id, a.name, a.description" + from + where + " order by " + order + " limit "
					+ PAGE_SIZE;
			String select = text ? "select x.id, ts_headline('french', immutable_unaccent(x.name), " + TSQUERY
					+ ", 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') as name, "
					+ "ts_headline('french', immutable_unaccent(coalesce(x.description, '')), " + TSQUERY
					+ ", 'StartSel=<mark>, StopSel=</mark>, MaxFragments=1, MaxWords=30, MinWords=15') as excerpt "
					+ "from (" + page + ") as x" : page;
			this.jdbc.sql(select).params(params).query((rs) -> {
				rs.getLong(1);
			});
			for (SearchFilter facet : SearchFilter.values()) {
				String facetWhere = where(text, conditions, facet);
				String sql = switch (facet) {
					case TYPE -> "select a.actor_type_code, count(*)" + from + facetWhere + " group by 1";
					case TERRITORY ->
						"select tr.slug, count(*)" + from + " join commune c on c.insee_code = a.commune_insee"
								+ " join epci e on e.siren = c.epci_siren join territory tr on tr.id = e.territory_id "
								+ facetWhere + " group by 1";
					case COUNTRY -> "select country, count(*)" + from + " cross join unnest(r.countries) as country "
							+ facetWhere + " group by 1";
					case DOMAIN -> "select d.slug, count(*)" + from
							+ " cross join unnest(r.domains) as dom(id) join domain d on d.id = dom.id " + facetWhere
							+ " group by 1";
					case STATUS -> "select a.status, count(*)" + from + facetWhere + " group by 1";
				};
				Map<String, Long> counts = new LinkedHashMap<>();
				this.jdbc.sql(sql).params(params).query((rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
			}
			return total;
		});
	}

	private static String condition(SearchFilter filter) {
		return switch (filter) {
			case TYPE -> "a.actor_type_code in (:type)";
			case TERRITORY -> """
					a.commune_insee in (select c.insee_code from commune c join epci e on e.siren = c.epci_siren
					                    join territory t on t.id = e.territory_id where t.slug in (:territoire))""";
			case COUNTRY -> "r.countries && array[:pays]::varchar[]";
			case DOMAIN -> "r.domains && array(select id from domain where slug in (:domaine))";
			case STATUS -> "a.status in (:statut)";
		};
	}

	private static String where(boolean text, Map<SearchFilter, String> conditions, SearchFilter except) {
		List<String> clauses = new ArrayList<>();
		clauses.add("a.published");
		if (text) {
			clauses.add("f.doc @@ " + TSQUERY);
		}
		conditions.forEach((filter, condition) -> {
			if (filter != except) {
				clauses.add(condition);
			}
		});
		return " where " + String.join(" and ", clauses);
	}

	// ------------------------------------------------------------------ helpers

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static long directorySize(Path directory) {
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long[] all(Map<BenchQuery, List<Long>> times) {
		return times.values().stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
	}

	private static long[] toArray(List<Long> times) {
		return times.stream().mapToLong(Long::longValue).toArray();
	}

	/** Nearest-rank percentile, in milliseconds. */
	static double percentile(long[] nanos, double percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	/**
	 * A Markdown row: the engine, then p50, p95, p99 and the slowest, in milliseconds.
	 */
	static String row(String engine, long[] nanos) {
		return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", engine, percentile(nanos, 50),
				percentile(nanos, 95), percentile(nanos, 99), percentile(nanos, 100));
	}

	private static BenchQuery q(String q, String... filters) {
		Map<SearchFilter, List<String>> values = new EnumMap<>(SearchFilter.class);
		for (String filter : filters) {
			String[] parts = filter.split("=", 2);
			SearchFilter key = PARAMS.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().equals(parts[0]))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow();
			values.computeIfAbsent(key, (k) -> new ArrayList<>()).add(parts[1]);
		}
		return new BenchQuery(q, values, String.join("&", filters));
	}

	private record BenchQuery(String q, Map<SearchFilter, List<String>> filters, String filterText) {

	}

}
