package fr.lianes.repertoire.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.lianes.repertoire.directory.NameInAddress;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open API on the demo directory: every route answers what its generated OpenAPI
 * document says, lists walk by cursor, validators, CORS, the rate limit and the problems
 * in French and English; and no output (downloads, API, the widget's framed list, the
 * schema.org data of the actor pages) carries a contact field without its consent.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTests {

	private static final String SITE = "http://localhost:8080";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theOpenApiDocumentIsOpenApi31AndDescribesEveryRoute() {
		JsonNode doc = document();
		assertThat(doc.get("openapi").asString()).startsWith("3.1");
		List<String> paths = new ArrayList<>();
		doc.get("paths").propertyNames().forEach(paths::add);
		assertThat(paths).containsExactlyInAnyOrder("/api/v1/acteurs", "/api/v1/acteurs/{slug}", "/api/v1/projets",
				"/api/v1/projets/{slug}", "/api/v1/pays", "/api/v1/domaines", "/api/v1/territoires",
				"/api/v1/chiffres");
	}

	@Test
	void everyRouteAnswersWhatItsDocumentSays() {
		JsonNode doc = document();
		String actor = this.jdbc.sql("select slug from actor where published order by id limit 1")
			.query(String.class)
			.single();
		String project = this.jdbc.sql("select slug from public_project order by id limit 1")
			.query(String.class)
			.single();
		Map<String, String> routes = Map.of("/api/v1/acteurs?pays=SN&taille=5", "/api/v1/acteurs",
				"/api/v1/acteurs/" + actor, "/api/v1/acteurs/{slug}", "/api/v1/projets?domaine=education",
				"/api/v1/projets", "/api/v1/projets/" + project, "/api/v1/projets/{slug}", "/api/v1/pays",
				"/api/v1/pays", "/api/v1/domaines", "/api/v1/domaines", "/api/v1/territoires", "/api/v1/territoires",
				"/api/v1/chiffres?pays=SN", "/api/v1/chiffres");
		routes.forEach((uri, path) -> {
			MvcTestResult result = this.mvc.get().uri(uri).exchange();
			assertThat(result).as(uri).hasStatusOk();
			assertThat(errors(doc, path, "200", "application/json", body(result))).as(uri).isEmpty();
		});
		MvcTestResult missing = this.mvc.get().uri("/api/v1/acteurs/personne-de-ce-nom").exchange();
		assertThat(missing).hasStatus(404).hasContentTypeCompatibleWith("application/problem+json");
		assertThat(errors(doc, "/api/v1/acteurs/{slug}", "404", "application/problem+json", body(missing))).isEmpty();
		// a wrong body is caught: the check can fail
		ObjectNode wrong = (ObjectNode) body(this.mvc.get().uri("/api/v1/acteurs/" + actor).exchange());
		wrong.put("foundingYear", "mille neuf cent");
		assertThat(errors(doc, "/api/v1/acteurs/{slug}", "200", "application/json", wrong)).isNotEmpty();
	}

	@Test
	void aFilteredListIsWalkedByCursorOnceAndWhole() {
		long expected = this.jdbc
			.sql("""
					select count(*) from actor a where a.published and a.status in ('ACTIVE', 'DORMANT') and a.id in (select ap.actor_id from actor_project ap
					join project_country pc on pc.project_id = ap.project_id where pc.country_iso2 = 'SN')""")
			.query(Long.class)
			.single();
		assertThat(expected).isGreaterThan(30);
		List<String> slugs = new ArrayList<>();
		String next = "/api/v1/acteurs?pays=SN&taille=7";
		while (next != null) {
			JsonNode page = body(this.mvc.get().uri(next).exchange());
			assertThat(page.get("total").asLong()).isEqualTo(expected);
			page.get("items").forEach((item) -> slugs.add(item.get("slug").asString()));
			next = page.hasNonNull("nextUrl") ? page.get("nextUrl").asString().substring(SITE.length()) : null;
		}
		assertThat(slugs).hasSize((int) expected).doesNotHaveDuplicates();
		List<String> downloaded = new ArrayList<>();
		body(this.mvc.get().uri("/donnees/acteurs.json?pays=SN").exchange())
			.forEach((item) -> downloaded.add(item.get("slug").asString()));
		assertThat(downloaded).isEqualTo(slugs);
	}

	@Test
	void validatorsAnswer304AndReadsAreOpenToEveryOrigin() {
		MvcTestResult first = this.mvc.get()
			.uri("/api/v1/domaines")
			.header("Origin", "https://partenaire.example")
			.exchange();
		assertThat(first).hasStatusOk().headers().containsHeader("Last-Modified");
		assertThat(first.getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		String etag = first.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		assertThat(this.mvc.get().uri("/api/v1/domaines").header("If-None-Match", etag)).hasStatus(304);
		assertThat(this.mvc.get().uri("/api/v1/territoires").header("If-None-Match", etag)).hasStatusOk();
	}

	@Test
	void badInputAndTooManyRequestsAreProblemsInFrenchOrEnglish() {
		MvcTestResult cursor = this.mvc.get().uri("/api/v1/acteurs?curseur=pas-un-curseur").exchange();
		assertThat(cursor).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
		assertThat(body(cursor).get("title").asString()).isEqualTo("Curseur invalide");
		MvcTestResult english = this.mvc.get()
			.uri("/api/v1/acteurs?taille=1000")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(english).hasStatus(400);
		assertThat(body(english).get("detail").asString())
			.isEqualTo("The value of the parameter \"taille\" is not accepted.");

		// 300 a minute, refilled evenly: asked faster than that, the address is held back
		MvcTestResult last = null;
		for (int i = 0; i < 20_000 && (last == null || last.getResponse().getStatus() != 429); i++) {
			last = this.mvc.get().uri("/api/v1/inconnu").with((request) -> {
				request.setRemoteAddr("203.0.113.7");
				return request;
			}).exchange();
		}
		assertThat(last).hasStatus(429).hasContentTypeCompatibleWith("application/problem+json");
		assertThat(Integer.parseInt(last.getResponse().getHeader("Retry-After"))).isPositive();
		assertThat(body(last).get("title").asString()).isEqualTo("Trop de requêtes");
		// another address is not held back
		assertThat(this.mvc.get().uri("/api/v1/domaines")).hasStatusOk();
	}

	/**
	 * Every contact field of every output is one the person consented to, and every
	 * consented one is there: checked against the consent records, computed here on their
	 * own. The lists, like the pages, hold the registered actors (active or dormant)
	 * unless a status is chosen.
	 */
	@Test
	void theOutputsCarryExactlyTheConsentedContactFields() {
		Set<String> consented = consentedContactFields(this.jdbc);
		long refused = this.jdbc.sql("""
				select count(*) from contact_consent cc where not cc.granted""").query(Long.class).single();
		assertThat(consented).isNotEmpty();
		assertThat(refused).as("the demo directory has refused consents").isPositive();
		Set<String> exported = new HashSet<>();
		body(this.mvc.get().uri("/donnees/acteurs.json").exchange()).forEach((actor) -> {
			for (JsonNode contact : actor.get("contacts")) {
				for (String[] field : new String[][] { { "name", "NAME" }, { "email", "EMAIL" },
						{ "phone", "PHONE" } }) {
					if (contact.has(field[0])) {
						exported.add(
								actor.get("slug").asString() + "|" + field[1] + "|" + contact.get(field[0]).asString());
					}
				}
			}
		});
		assertThat(exported).isEqualTo(consented);
		Set<String> fromApi = new HashSet<>();
		String next = "/api/v1/acteurs?taille=100";
		while (next != null) {
			JsonNode page = body(this.mvc.get().uri(next).exchange());
			page.get("items").forEach((actor) -> actor.get("contacts").forEach((contact) -> {
				if (contact.has("name")) {
					fromApi.add(actor.get("slug").asString() + "|NAME|" + contact.get("name").asString());
				}
			}));
			next = page.hasNonNull("nextUrl") ? page.get("nextUrl").asString().substring(SITE.length()) : null;
		}
		assertThat(fromApi).isEqualTo(
				consented.stream().filter((c) -> c.contains("|NAME|")).collect(java.util.stream.Collectors.toSet()));

		// the widget's framed list, walked to its end
		Set<String> framed = new HashSet<>();
		String framedPage = "/integrer/acteurs";
		int framedPages = 0;
		while (framedPage != null) {
			Document page = html(framedPage);
			framedPages++;
			for (Element card : page.select("ul.widget-cards > li")) {
				String slug = card.selectFirst("h2 > a").attr("href").substring("/acteurs/".length());
				for (Element contact : card.select("ul.widget-contacts > li")) {
					contact.select(".contact-name").forEach((e) -> framed.add(slug + "|NAME|" + e.text()));
					contact.select(".contact-email").forEach((e) -> framed.add(slug + "|EMAIL|" + e.text()));
					contact.select(".contact-phone").forEach((e) -> framed.add(slug + "|PHONE|" + e.text()));
				}
			}
			Element following = page.selectFirst("nav.widget-pages a[rel=next]");
			framedPage = (following != null) ? following.attr("href") : null;
		}
		assertThat(framedPages).isGreaterThan(10);
		assertThat(framed).isEqualTo(consented);

		// schema.org data of the actor pages whose contacts refused some field and
		// granted another
		List<String> mixed = this.jdbc.sql("""
				select a.slug from actor a where a.published and a.status in ('ACTIVE', 'DORMANT')
				and exists (select 1 from contact_person cp join contact_consent cc on cc.contact_person_id = cp.id
				            where cp.actor_id = a.id and not cc.granted)
				and exists (select 1 from contact_person cp join contact_consent cc on cc.contact_person_id = cp.id
				            where cp.actor_id = a.id and cc.granted)
				order by a.id limit 40""").query(String.class).list();
		assertThat(mixed).hasSizeGreaterThan(10);
		Set<String> linked = new HashSet<>();
		for (String slug : mixed) {
			JsonNode org = this.json
				.readTree(html("/acteurs/" + slug).selectFirst("script[type=application/ld+json]").data());
			assertThat(org.get("@type").asString()).isEqualTo("Organization");
			for (JsonNode point : org.path("contactPoint")) {
				for (String[] field : new String[][] { { "name", "NAME" }, { "email", "EMAIL" },
						{ "telephone", "PHONE" } }) {
					if (point.has(field[0])) {
						linked.add(slug + "|" + field[1] + "|" + point.get(field[0]).asString());
					}
				}
			}
		}
		assertThat(linked).isNotEmpty()
			.isEqualTo(consented.stream()
				.filter((c) -> mixed.contains(c.substring(0, c.indexOf('|'))))
				.collect(java.util.stream.Collectors.toSet()));
	}

	/**
	 * The contact fields each person consented to, computed from the consent records on
	 * their own, as "actor slug|field|value", for the registered published actors.
	 */
	static Set<String> consentedContactFields(JdbcClient jdbc) {
		// the address of a person whose name is not public is held back when it spells
		// the
		// name (directory.NameInAddress, checked on its own by ContactPublicationTests)
		NameInAddress nameInAddress = new NameInAddress();
		Set<String> consented = new HashSet<>(jdbc.sql("""
				select a.slug || '|' || f.field || '|' || case f.field when 'NAME' then cp.full_name
				       when 'EMAIL' then cp.email else cp.phone end as entry, f.field, cp.full_name, cp.email,
				       coalesce((select cc.granted from contact_consent cc where cc.contact_person_id = cp.id
				       and cc.field = 'NAME' order by cc.recorded_at desc, cc.id desc limit 1), false) as name_public
				from contact_person cp join actor a on a.id = cp.actor_id and a.published
				     and a.status in ('ACTIVE', 'DORMANT')
				cross join (values ('NAME'), ('EMAIL'), ('PHONE')) f(field)
				where (select cc.granted from contact_consent cc where cc.contact_person_id = cp.id
				       and cc.field = f.field order by cc.recorded_at desc, cc.id desc limit 1)
				and case f.field when 'NAME' then cp.full_name when 'EMAIL' then cp.email else cp.phone end
				    is not null""").query((rs, row) -> {
			if ("EMAIL".equals(rs.getString("field")) && !rs.getBoolean("name_public")
					&& nameInAddress.spells(rs.getString("full_name"), rs.getString("email"))) {
				return null;
			}
			return rs.getString("entry");
		}).list().stream().filter(java.util.Objects::nonNull).toList());
		return consented;
	}

	private Document html(String path) {
		MvcTestResult result = this.mvc.get().uri(path).exchange();
		assertThat(result).as(path).hasStatusOk();
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode document() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/openapi.json").exchange();
		assertThat(result).hasStatusOk();
		return body(result);
	}

	private JsonNode body(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What the document's schema of this response finds wrong with the body. */
	private List<Error> errors(JsonNode doc, String path, String status, String mediaType, JsonNode body) {
		ObjectNode schema = (ObjectNode) doc.deepCopy();
		String responses = "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/get/responses";
		JsonNode content = doc.at(responses + "/" + status + "/content");
		assertThat(content.isMissingNode()).as(responses + ": " + doc.at(responses)).isFalse();
		assertThat(content.propertyNames()).as(responses).contains(mediaType);
		String pointer = "#" + responses + "/" + status + "/content/" + mediaType.replace("/", "~1") + "/schema";
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		schema.put("$ref", pointer);
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(body);
	}

}
