package fr.lianes.repertoire.exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.lianes.repertoire.directory.PublicListings;
import fr.lianes.repertoire.web.PublicSite;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /donnees/api}: the API's documentation as a page of the site, rendered on the
 * server from the OpenAPI document springdoc generates from the code (the one served at
 * {@code /api/v1/openapi.json}), so that it never says other than the API does; no
 * script, nothing loaded from elsewhere.
 */
@Controller
class ApiDocumentationController {

	/** An example request of each list route; the detail routes take a real entry. */
	private static final Map<String, String> EXAMPLES = Map.of("/api/v1/acteurs",
			"/api/v1/acteurs?pays=SN&domaine=sante&taille=5", "/api/v1/projets", "/api/v1/projets?pays=BJ&taille=5",
			"/api/v1/pays", "/api/v1/pays", "/api/v1/domaines", "/api/v1/domaines", "/api/v1/territoires",
			"/api/v1/territoires", "/api/v1/chiffres", "/api/v1/chiffres?territoire=dunkerquois");

	/** springdoc's resource, absent when the application runs without a web server. */
	private final ObjectProvider<OpenApiWebMvcResource> openApi;

	private final JsonMapper json;

	private final PublicListings listings;

	private final PublicSite site;

	private final String documentPath;

	ApiDocumentationController(ObjectProvider<OpenApiWebMvcResource> openApi, JsonMapper json, PublicListings listings,
			PublicSite site, @Value("${springdoc.api-docs.path}") String documentPath) {
		this.openApi = openApi;
		this.json = json;
		this.listings = listings;
		this.site = site;
		this.documentPath = documentPath;
	}

	/** A route of the API as the page shows it. */
	record Route(String path, String summary, String description, List<Parameter> parameters, List<Response> responses,
			String example) {

		public String anchor() {
			return "route-" + this.path.replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "");
		}

	}

	record Parameter(String name, String in, boolean required, String type, String description, String defaultValue) {

	}

	record Response(String status, String description, String mediaType, String schema) {

	}

	/** A schema of the document's components and its properties. */
	record Schema(String name, String description, List<Property> properties) {

	}

	record Property(String name, String type, String description) {

	}

	@GetMapping("/donnees/api")
	String documentation(HttpServletRequest request, Locale locale, Model model) throws Exception {
		byte[] bytes = this.openApi.getObject().openapiJson(request, this.documentPath, locale);
		JsonNode doc = this.json.readTree(new String(bytes, StandardCharsets.UTF_8));
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
			JsonNode get = path.getValue().path("get");
			if (get.isMissingNode()) {
				continue;
			}
			routes.add(new Route(path.getKey(), text(get, "summary"), text(get, "description"), parameters(get),
					responses(get), example(path.getKey())));
		}
		List<Schema> schemas = new ArrayList<>();
		for (Map.Entry<String, JsonNode> schema : doc.path("components").path("schemas").properties()) {
			List<Property> properties = new ArrayList<>();
			for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
				properties.add(new Property(property.getKey(), type(property.getValue()),
						text(property.getValue(), "description")));
			}
			schemas.add(new Schema(schema.getKey(), text(schema.getValue(), "description"), properties));
		}
		model.addAttribute("title", text(doc.path("info"), "title"));
		model.addAttribute("description", text(doc.path("info"), "description"));
		model.addAttribute("version", text(doc, "openapi"));
		model.addAttribute("server", this.site.url());
		model.addAttribute("routes", routes);
		model.addAttribute("schemas", schemas);
		model.addAttribute("documentPath", this.documentPath);
		return "exchange/api";
	}

	private static List<Parameter> parameters(JsonNode operation) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			JsonNode schema = parameter.path("schema");
			parameters.add(new Parameter(text(parameter, "name"), text(parameter, "in"),
					parameter.path("required").asBoolean(false), type(schema), text(parameter, "description"),
					schema.has("default") ? schema.get("default").asString() : null));
		}
		return parameters;
	}

	private static List<Response> responses(JsonNode operation) {
		List<Response> responses = new ArrayList<>();
		for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
			String mediaType = null;
			String schema = null;
			for (Map.Entry<String, JsonNode> content : response.getValue().path("content").properties()) {
				mediaType = content.getKey();
				schema = type(content.getValue().path("schema"));
			}
			responses.add(new Response(response.getKey(), text(response.getValue(), "description"), mediaType, schema));
		}
		return responses;
	}

	/** A schema's type as a reader reads it: "string", "Country[]", "ApiActor". */
	private static String type(JsonNode schema) {
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			return ref.substring(ref.lastIndexOf('/') + 1);
		}
		JsonNode type = schema.path("type");
		String name = type.isArray() ? firstNonNull(type) : type.asString("");
		if ("array".equals(name)) {
			return type(schema.path("items")) + "[]";
		}
		if ("object".equals(name) && schema.has("additionalProperties")) {
			return "{ : " + type(schema.path("additionalProperties")) + " }";
		}
		String format = schema.path("format").asString("");
		return format.isEmpty() ? name : name + " (" + format + ")";
	}

	private static String firstNonNull(JsonNode types) {
		for (JsonNode type : types) {
			if (!"null".equals(type.asString())) {
				return type.asString();
			}
		}
		return "null";
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asString();
	}

	/**
	 * A request to try; for one entry, the first of its list (none on an empty
	 * directory).
	 */
	private String example(String path) {
		if (path.equals("/api/v1/acteurs/{slug}")) {
			var first = this.listings.actors(this.listings.actorCriteria(new LinkedMultiValueMap<>()), null, 1).rows();
			return first.isEmpty() ? null : "/api/v1/acteurs/" + first.get(0).slug();
		}
		if (path.equals("/api/v1/projets/{slug}")) {
			var first = this.listings.projects(this.listings.projectCriteria(new LinkedMultiValueMap<>()), null, 1)
				.rows();
			return first.isEmpty() ? null : "/api/v1/projets/" + first.get(0).slug();
		}
		return EXAMPLES.get(path);
	}

}
