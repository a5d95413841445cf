package fr.lianes.repertoire.exchange;

import java.util.function.Consumer;

import fr.lianes.repertoire.directory.ListCriteria;
import fr.lianes.repertoire.directory.PublicActor;
import fr.lianes.repertoire.directory.PublicListings;
import fr.lianes.repertoire.directory.PublicProject;

import org.springframework.stereotype.Component;

/**
 * A whole list, entry after entry, read one slice at a time: memory holds one slice
 * whatever the size of the list, and no database connection is held between slices.
 */
@Component
class PublicStreams {

	/** Entries read per slice. */
	static final int SLICE = 500;

	private final PublicListings listings;

	private final ApiResources resources;

	PublicStreams(PublicListings listings, ApiResources resources) {
		this.listings = listings;
		this.resources = resources;
	}

	void actors(ListCriteria criteria, Consumer<ApiActor> each) {
		String cursor = null;
		do {
			PublicListings.Slice<PublicActor> slice = this.listings.actors(criteria, cursor, SLICE);
			slice.rows().forEach((actor) -> each.accept(this.resources.actor(actor)));
			cursor = slice.next();
		}
		while (cursor != null);
	}

	void projects(ListCriteria criteria, Consumer<ApiProject> each) {
		publicProjects(criteria, (project) -> each.accept(this.resources.project(project)));
	}

	void publicProjects(ListCriteria criteria, Consumer<PublicProject> each) {
		String cursor = null;
		do {
			PublicListings.Slice<PublicProject> slice = this.listings.projects(criteria, cursor, SLICE);
			slice.rows().forEach(each);
			cursor = slice.next();
		}
		while (cursor != null);
	}

}
