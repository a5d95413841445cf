package fr.lianes.repertoire.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.lianes.repertoire.directory.ListCriteria;
import fr.lianes.repertoire.directory.PublicEntries;
import fr.lianes.repertoire.directory.PublicListings;
import fr.lianes.repertoire.figures.FigureSet;
import fr.lianes.repertoire.figures.KeyFigures;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open read API: the lists of the site with the same filters, one slice after another
 * (cursor pagination), each entry, the reference lists and the key figures.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Répertoire", description = "Les acteurs de la coopération internationale des Hauts-de-France")
@ApiResponse(responseCode = "400", description = "Paramètre invalide",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "429", description = "Trop de requêtes depuis cette adresse (voir Retry-After)",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class ApiController {

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	private final PublicListings listings;

	private final PublicEntries entries;

	private final ApiResources resources;

	private final ReferenceData reference;

	private final KeyFigures figures;

	ApiController(PublicListings listings, PublicEntries entries, ApiResources resources, ReferenceData reference,
			KeyFigures figures) {
		this.listings = listings;
		this.entries = entries;
		this.resources = resources;
		this.reference = reference;
		this.figures = figures;
	}

	/** One slice of a list, and the address of the next one. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ActorList(@Schema(description = "Nombre d'acteurs de toute la liste") long total,
			@Schema(description = "Curseur de la tranche suivante, absent après la dernière") String next,
			@Schema(description = "Adresse de la tranche suivante") String nextUrl, List<ApiActor> items) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProjectList(long total, String next, String nextUrl, List<ApiProject> items) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Country(String code, String name, String region, String subregion, String continent, long actors,
			long projects) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Domain(String code, String name, String parent) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Territory(String code, String name, long actors) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Figures(long actors, long activeActors, long dormantActors, long projects, long countries,
			Map<String, Long> actorsByTerritory, Map<String, Long> actorsByType, Map<String, Long> projectsByDomain,
			Map<String, Long> actorsByCountry, Map<String, Long> projectsByCountry) {

	}

	@GetMapping("/acteurs")
	@Operation(summary = "Acteurs publiés", description = "Les filtres de la page /acteurs; tranche après tranche.")
	@ApiResponse(responseCode = "200", description = "Une tranche de la liste")
	ActorList actors(@Parameter(description = "Mots cherchés") @RequestParam(required = false) String q,
			@Parameter(description = "Types d'acteur") @RequestParam(required = false) List<String> type,
			@Parameter(description = "Territoires") @RequestParam(required = false) List<String> territoire,
			@Parameter(description = "Pays (ISO alpha-2)") @RequestParam(required = false) List<String> pays,
			@Parameter(description = "Domaines") @RequestParam(required = false) List<String> domaine,
			@Parameter(description = "Statuts (actif, en-veille, cesse)") @RequestParam(
					required = false) List<String> statut,
			@Parameter(description = "Ordre: nom, recent ou pertinence") @RequestParam(required = false) String tri,
			@Parameter(description = "Curseur donné par la tranche précédente") @RequestParam(
					required = false) String curseur,
			@Parameter(description = "Taille de la tranche, 1 à 100") @RequestParam(defaultValue = "20") int taille,
			HttpServletResponse response) {
		ListCriteria criteria = this.listings.actorCriteria(params(q, type, territoire, pays, domaine, statut, tri));
		PublicListings.Slice<fr.lianes.repertoire.directory.PublicActor> slice = this.listings.actors(criteria, curseur,
				size(taille));
		String nextUrl = nextUrl(response, "/api/v1/acteurs", criteria, slice.next(), taille);
		return new ActorList(slice.total(), slice.next(), nextUrl,
				slice.rows().stream().map(this.resources::actor).toList());
	}

	@GetMapping("/acteurs/{slug}")
	@Operation(summary = "Un acteur publié")
	@ApiResponse(responseCode = "200", description = "L'acteur")
	@ApiResponse(responseCode = "404", description = "Aucun acteur publié à cette adresse",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = Problem.class)))
	ApiActor actor(@PathVariable String slug) {
		return this.entries.actor(slug).map(this.resources::actor).orElseThrow(NotFoundException::new);
	}

	@GetMapping("/projets")
	@Operation(summary = "Projets publics", description = "Les filtres de la page /projets; tranche après tranche.")
	@ApiResponse(responseCode = "200", description = "Une tranche de la liste")
	ProjectList projects(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> type,
			@RequestParam(required = false) List<String> territoire, @RequestParam(required = false) List<String> pays,
			@RequestParam(required = false) List<String> domaine,
			@Parameter(description = "Statuts (prevu, en-cours, termine)") @RequestParam(
					required = false) List<String> statut,
			@RequestParam(required = false) String tri, @RequestParam(required = false) String curseur,
			@RequestParam(defaultValue = "20") int taille, HttpServletResponse response) {
		ListCriteria criteria = this.listings.projectCriteria(params(q, type, territoire, pays, domaine, statut, tri));
		PublicListings.Slice<fr.lianes.repertoire.directory.PublicProject> slice = this.listings.projects(criteria,
				curseur, size(taille));
		String nextUrl = nextUrl(response, "/api/v1/projets", criteria, slice.next(), taille);
		return new ProjectList(slice.total(), slice.next(), nextUrl,
				slice.rows().stream().map(this.resources::project).toList());
	}

	@GetMapping("/projets/{slug}")
	@Operation(summary = "Un projet public")
	@ApiResponse(responseCode = "200", description = "Le projet")
	@ApiResponse(responseCode = "404", description = "Aucun projet public à cette adresse",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = Problem.class)))
	ApiProject project(@PathVariable String slug) {
		return this.entries.project(slug).map(this.resources::project).orElseThrow(NotFoundException::new);
	}

	@GetMapping("/pays")
	@Operation(summary = "Pays", description = "Tous les pays, avec leurs acteurs et projets publics")
	@ApiResponse(responseCode = "200", description = "Les pays")
	List<Country> countries() {
		FigureSet figures = this.figures.figures(null, null, null, null);
		return this.reference.countries()
			.stream()
			.map((c) -> new Country(c.iso2(), c.name(), c.region(), c.subregion(), c.continent(),
					figures.actorsByCountry().getOrDefault(c.iso2(), 0L),
					figures.projectsByCountry().getOrDefault(c.iso2(), 0L)))
			.toList();
	}

	@GetMapping("/domaines")
	@Operation(summary = "Domaines et sous-domaines")
	@ApiResponse(responseCode = "200", description = "Les domaines")
	List<Domain> domains() {
		return this.reference.domains()
			.stream()
			.map((d) -> new Domain(d.slug(), d.name(),
					(d.parentId() != null) ? this.reference.domain(d.parentId()).map(DomainRef::slug).orElse(null)
							: null))
			.toList();
	}

	@GetMapping("/territoires")
	@Operation(summary = "Territoires de la région")
	@ApiResponse(responseCode = "200", description = "Les territoires")
	List<Territory> territories() {
		FigureSet figures = this.figures.figures(null, null, null, null);
		return this.reference.territories()
			.stream()
			.map((t) -> new Territory(t.slug(), t.name(), figures.actorsByTerritory().getOrDefault(t.slug(), 0L)))
			.toList();
	}

	@GetMapping("/chiffres")
	@Operation(summary = "Chiffres clés", description = "Les chiffres de /chiffres, avec les mêmes filtres")
	@ApiResponse(responseCode = "200", description = "Les chiffres clés")
	Figures keyFigures(@RequestParam(required = false) String territoire,
			@RequestParam(required = false) String domaine, @RequestParam(required = false) String pays,
			@RequestParam(required = false) String type) {
		FigureSet f = this.figures.figures(territoire, domaine, pays, type);
		Map<String, Long> byDomain = new LinkedHashMap<>();
		f.projectsByDomain()
			.forEach((id, count) -> this.reference.domain(id).ifPresent((d) -> byDomain.put(d.slug(), count)));
		return new Figures(f.actors(), f.activeActors(), f.dormantActors(), f.projects(), f.countries(),
				f.actorsByTerritory(), f.actorsByType(), byDomain, f.actorsByCountry(), f.projectsByCountry());
	}

	/** Any other address under the API: a problem, not the site's HTML page. */
	@GetMapping("/**")
	@io.swagger.v3.oas.annotations.Hidden
	void unknown() {
		throw new NotFoundException();
	}

	private static int size(int size) {
		if (size < 1 || size > MAX_SIZE) {
			throw new ApiProblems.BadParameterException("taille");
		}
		return size;
	}

	private static MultiValueMap<String, String> params(String q, List<String> types, List<String> territories,
			List<String> countries, List<String> domains, List<String> statuses, String sort) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		if (q != null) {
			params.add("q", q);
		}
		if (types != null) {
			params.put("type", types);
		}
		if (territories != null) {
			params.put("territoire", territories);
		}
		if (countries != null) {
			params.put("pays", countries);
		}
		if (domains != null) {
			params.put("domaine", domains);
		}
		if (statuses != null) {
			params.put("statut", statuses);
		}
		if (sort != null) {
			params.add("tri", sort);
		}
		return params;
	}

	private String nextUrl(HttpServletResponse response, String path, ListCriteria criteria, String next, int size) {
		if (next == null) {
			return null;
		}
		String query = criteria.query(1);
		String url = this.resources.site() + path + (query.isEmpty() ? "?" : query + "&") + "curseur=" + next
				+ ((size != DEFAULT_SIZE) ? "&taille=" + size : "");
		response.addHeader(HttpHeaders.LINK, "<" + url + ">; rel=\"next\"");
		return url;
	}

}
