package fr.lianes.repertoire.directory;

import fr.lianes.repertoire.web.NotFoundException;

import fr.lianes.repertoire.web.WebProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ProjectController {

	private final ListCriteriaParser parser;

	private final ProjectQueries queries;

	private final DetailQueries details;

	private final WebProperties web;

	ProjectController(ListCriteriaParser parser, ProjectQueries queries, DetailQueries details, WebProperties web) {
		this.parser = parser;
		this.queries = queries;
		this.details = details;
		this.web = web;
	}

	@GetMapping("/projets")
	String list(@RequestParam MultiValueMap<String, String> params, Model model) {
		ListCriteria criteria = this.parser.parse(params, Statuses.slugs(ProjectStatus.values()));
		model.addAttribute("criteria", criteria);
		model.addAttribute("canonicalPath", "/projets" + criteria.canonicalQuery());
		model.addAttribute("result", this.queries.search(criteria, this.web.pageSize(), true));
		return "directory/projects";
	}

	@GetMapping("/projets/{slug}")
	String show(@PathVariable String slug, Model model) {
		var project = this.details.project(slug);
		if (project.isEmpty()) {
			return this.details.currentProjectSlug(slug)
				.map((current) -> "redirect:/projets/" + current)
				.orElseThrow(() -> new NotFoundException());
		}
		model.addAttribute("project", project.get());
		return "directory/project";
	}

}
