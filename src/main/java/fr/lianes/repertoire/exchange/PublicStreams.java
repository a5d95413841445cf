package fr.lianes.repertoire.exchange;

import java.util.function.Consumer;

import fr.lianes.repertoire.directory.ListCriteria;
import fr.lianes.repertoire.directory.PublicListings;
import fr.lianes.repertoire.directory.PublicProject;

import org.springframework.stereotype.Component;

/**
 * A whole list, entry after entry, in the list's order: the order found in one pass over
 * the index, the entries read from the database as they are written, so that memory holds
 * the list's identifiers and never its entries.
 */
@Component
class PublicStreams {

	private final PublicListings listings;

	private final ApiResources resources;

	PublicStreams(PublicListings listings, ApiResources resources) {
		this.listings = listings;
		this.resources = resources;
	}

	void actors(ListCriteria criteria, Consumer<ApiActor> each) {
		this.listings.eachActor(criteria, (actor) -> each.accept(this.resources.actor(actor)));
	}

	void projects(ListCriteria criteria, Consumer<ApiProject> each) {
		publicProjects(criteria, (project) -> each.accept(this.resources.project(project)));
	}

	void publicProjects(ListCriteria criteria, Consumer<PublicProject> each) {
		this.listings.eachProject(criteria, each);
	}

}
