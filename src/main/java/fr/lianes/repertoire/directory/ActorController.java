package fr.lianes.repertoire.directory;

import fr.lianes.repertoire.web.NotFoundException;

import fr.lianes.repertoire.web.WebProperties;

import java.util.stream.Collectors;

import fr.lianes.repertoire.maps.Maps;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

@Controller
class ActorController {

	private final ListCriteriaParser parser;

	private final ActorQueries queries;

	private final DetailQueries details;

	private final WebProperties web;

	private final Maps maps;

	private final ActorJsonLd jsonLd;

	ActorController(ListCriteriaParser parser, ActorQueries queries, DetailQueries details, WebProperties web,
			Maps maps, ActorJsonLd jsonLd) {
		this.jsonLd = jsonLd;
		this.parser = parser;
		this.queries = queries;
		this.details = details;
		this.web = web;
		this.maps = maps;
	}

	@GetMapping("/acteurs")
	String list(@RequestParam MultiValueMap<String, String> params, Model model) {
		ListCriteria criteria = this.parser.parse(params, Statuses.slugs(ActorStatus.values()));
		model.addAttribute("criteria", criteria);
		model.addAttribute("canonicalPath", "/acteurs" + criteria.canonicalQuery());
		model.addAttribute("result", this.queries.search(criteria, this.web.pageSize(), true));
		return "directory/actors";
	}

	/**
	 * An actor's page; the old slug of a renamed or merged actor redirects for good (301)
	 * to its current one.
	 */
	@GetMapping("/acteurs/{slug}")
	String show(@PathVariable String slug, Model model, HttpServletRequest request) {
		var actor = this.details.actor(slug);
		if (actor.isEmpty()) {
			String current = this.details.currentActorSlug(slug).orElseThrow(() -> new NotFoundException());
			request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
			return "redirect:/acteurs/" + current;
		}
		model.addAttribute("actor", actor.get());
		model.addAttribute("jsonLd", this.jsonLd.of(actor.get()));
		// the countries of its projects, shaded by how many
		model.addAttribute("worldMap",
				this.maps.world(
						actor.get()
							.countries()
							.stream()
							.collect(Collectors.toMap(ActorView.Count::key, ActorView.Count::projects)),
						java.util.Set.of()));
		return "directory/actor";
	}

}
