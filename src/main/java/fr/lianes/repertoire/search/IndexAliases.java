package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManagerFactory;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
import org.hibernate.search.backend.elasticsearch.metamodel.ElasticsearchIndexDescriptor;
import org.hibernate.search.engine.backend.index.IndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A full rebuild on an Elasticsearch or OpenSearch cluster that never leaves the public
 * with a partial index: Hibernate Search reads through each index's read alias and writes
 * through its write alias, so the rebuild fills a new, empty index behind the write alias
 * while searches go on reading the old, complete one; when every index is full the read
 * aliases move to the new indexes at once and the old ones are deleted. Writes made
 * meanwhile go to the new indexes and are seen after the swap. A rebuild that fails or is
 * stopped puts the write aliases back and deletes what it filled.
 * <p>
 * The embedded Lucene index has no aliases: none of this applies there (see {@link #of}).
 */
final class IndexAliases {

	private static final Logger logger = LoggerFactory.getLogger(IndexAliases.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Settings the cluster sets on an index itself, which a new index cannot be given.
	 */
	private static final Set<String> OWN_SETTINGS = Set.of("creation_date", "uuid", "version", "provided_name",
			"history", "replication");

	private static final Pattern GENERATION = Pattern.compile("^(.*)-(\\d{6})$");

	private final RestClient client;

	private final List<Swap> swaps;

	private IndexAliases(RestClient client, List<Swap> swaps) {
		this.client = client;
		this.swaps = swaps;
	}

	/**
	 * New empty indexes behind the write aliases of every indexed entity, or null if the
	 * backend has no aliases (Lucene).
	 */
	static IndexAliases of(EntityManagerFactory entityManagerFactory) {
		List<ElasticsearchIndexDescriptor> indexes = new ArrayList<>();
		RestClient client = null;
		for (SearchIndexedEntity<?> entity : Search.mapping(entityManagerFactory).allIndexedEntities()) {
			IndexManager manager = entity.indexManager();
			if (!(manager instanceof ElasticsearchIndexManager elasticsearch)) {
				return null;
			}
			indexes.add(elasticsearch.descriptor());
			client = elasticsearch.backend().client(RestClient.class);
		}
		IndexAliases aliases = new IndexAliases(client, new ArrayList<>());
		try {
			for (ElasticsearchIndexDescriptor index : indexes) {
				aliases.swaps.add(aliases.prepare(index));
			}
		}
		catch (RuntimeException ex) {
			aliases.abandon();
			throw ex;
		}
		return aliases;
	}

	/** The new index of one entity, created as the old one is, behind the write alias. */
	private Swap prepare(ElasticsearchIndexDescriptor index) {
		JsonNode current = get("/" + index.writeName());
		String old = current.propertyNames().iterator().next();
		JsonNode definition = current.get(old);
		String created = next(old);
		ObjectNode settings = ((ObjectNode) definition.path("settings").path("index")).deepCopy();
		OWN_SETTINGS.forEach(settings::remove);
		ObjectNode body = JSON.createObjectNode();
		body.putObject("settings").set("index", settings);
		body.set("mappings", definition.path("mappings"));
		send("PUT", "/" + created, body.toString());
		Swap swap = new Swap(index.readName(), index.writeName(), old, created,
				definition.path("aliases").path(index.readName()), definition.path("aliases").path(index.writeName()));
		moveAlias(swap.write(), swap.writeDefinition(), old, created);
		return swap;
	}

	/** The read aliases on the new, full indexes, all at once; the old ones deleted. */
	void complete() {
		ObjectNode actions = JSON.createObjectNode();
		for (Swap swap : this.swaps) {
			// every document searchable before the public reads the new index
			send("POST", "/" + swap.created() + "/_refresh", null);
			addMove(actions, swap.read(), swap.readDefinition(), swap.old(), swap.created());
		}
		send("POST", "/_aliases", actions.toString());
		this.swaps.forEach((swap) -> send("DELETE", "/" + swap.old(), null));
	}

	/** The write aliases back on the old indexes, the new ones deleted. */
	void abandon() {
		for (Swap swap : this.swaps) {
			try {
				moveAlias(swap.write(), swap.writeDefinition(), swap.created(), swap.old());
				send("DELETE", "/" + swap.created(), null);
			}
			catch (RuntimeException ex) {
				// the next rebuild starts from whatever the aliases point to
				logger.warn("Could not put the write alias {} back on {} nor delete the partial index {}", swap.write(),
						swap.old(), swap.created(), ex);
			}
		}
	}

	private void moveAlias(String alias, JsonNode definition, String from, String to) {
		ObjectNode actions = JSON.createObjectNode();
		addMove(actions, alias, definition, from, to);
		send("POST", "/_aliases", actions.toString());
	}

	private static void addMove(ObjectNode body, String alias, JsonNode definition, String from, String to) {
		ArrayNode actions = body.has("actions") ? (ArrayNode) body.get("actions") : body.putArray("actions");
		actions.addObject().putObject("remove").put("index", from).put("alias", alias);
		ObjectNode add = actions.addObject().putObject("add");
		if (definition.isObject()) {
			add.setAll((ObjectNode) definition.deepCopy());
		}
		add.put("index", to).put("alias", alias);
	}

	/** actor-000001 gives actor-000002, as Hibernate Search numbers its indexes. */
	static String next(String index) {
		Matcher matcher = GENERATION.matcher(index);
		if (!matcher.matches()) {
			return index + "-000002";
		}
		return matcher.group(1) + "-" + String.format(Locale.ROOT, "%06d", Integer.parseInt(matcher.group(2)) + 1);
	}

	private JsonNode get(String endpoint) {
		return JSON.readTree(send("GET", endpoint, null));
	}

	private String send(String method, String endpoint, String json) {
		Request request = new Request(method, endpoint);
		if (json != null) {
			request.setJsonEntity(json);
		}
		try {
			return EntityUtils.toString(this.client.performRequest(request).getEntity(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + endpoint + " failed", ex);
		}
	}

	private record Swap(String read, String write, String old, String created, JsonNode readDefinition,
			JsonNode writeDefinition) {

	}

}
