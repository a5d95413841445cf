package fr.lianes.repertoire.exchange;

import java.util.function.Consumer;

import fr.lianes.repertoire.directory.ListCriteria;
import fr.lianes.repertoire.directory.PublicListings;
import fr.lianes.repertoire.directory.PublicProject;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A whole list, entry after entry, in the list's order: the order found in the index one
 * chunk ({@code repertoire.exchange.download-chunk} entries) at a time, each chunk's
 * entries read from the database as they are written, so that memory holds one chunk's
 * identifiers and never the list's, whatever its length.
 * <p>
 * The downloads' entries are read on a thread of their own, at most one chunk ahead of
 * their writing ({@link ReadAhead}): the database finds the next entries while the
 * previous ones are formatted and sent.
 */
@Component
class PublicStreams {

	private final PublicListings listings;

	private final ApiResources resources;

	private final int chunk;

	private final int pass;

	private final TaskExecutor readers;

	PublicStreams(PublicListings listings, ApiResources resources, ExchangeProperties properties,
			@Qualifier("downloadReaderExecutor") TaskExecutor readers) {
		this.listings = listings;
		this.resources = resources;
		this.chunk = properties.downloadChunk();
		this.pass = properties.downloadPass();
		this.readers = readers;
	}

	/** Every published actor of the list, read ahead of {@code each}. */
	void actors(ListCriteria criteria, Consumer<ApiActor> each) {
		ReadAhead.run(this.readers, this.chunk, (read) -> this.listings.eachActor(criteria, this.pass, this.chunk,
				(actor) -> read.accept(this.resources.actor(actor))), each);
	}

	/** Every public project of the list, read ahead of {@code each}. */
	void projects(ListCriteria criteria, Consumer<ApiProject> each) {
		ReadAhead.run(this.readers, this.chunk,
				(read) -> publicProjects(criteria, (project) -> read.accept(this.resources.project(project))), each);
	}

	void publicProjects(ListCriteria criteria, Consumer<PublicProject> each) {
		this.listings.eachProject(criteria, this.pass, this.chunk, each);
	}

}
