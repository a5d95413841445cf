package fr.lianes.repertoire.exchange;

import java.util.function.Consumer;

import fr.lianes.repertoire.directory.ListCriteria;
import fr.lianes.repertoire.directory.PublicListings;
import fr.lianes.repertoire.directory.PublicProject;

import org.springframework.stereotype.Component;

/**
 * A whole list, entry after entry, in the list's order: the order found in the index one
 * chunk ({@code repertoire.exchange.download-chunk} entries) at a time, each chunk's
 * entries read from the database as they are written, so that memory holds one chunk's
 * identifiers and never the list's, whatever its length.
 */
@Component
class PublicStreams {

	private final PublicListings listings;

	private final ApiResources resources;

	private final int chunk;

	PublicStreams(PublicListings listings, ApiResources resources, ExchangeProperties properties) {
		this.listings = listings;
		this.resources = resources;
		this.chunk = properties.downloadChunk();
	}

	void actors(ListCriteria criteria, Consumer<ApiActor> each) {
		this.listings.eachActor(criteria, this.chunk, (actor) -> each.accept(this.resources.actor(actor)));
	}

	void projects(ListCriteria criteria, Consumer<ApiProject> each) {
		publicProjects(criteria, (project) -> each.accept(this.resources.project(project)));
	}

	void publicProjects(ListCriteria criteria, Consumer<PublicProject> each) {
		this.listings.eachProject(criteria, this.chunk, each);
	}

}
