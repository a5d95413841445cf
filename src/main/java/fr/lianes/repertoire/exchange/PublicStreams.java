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
 * previous ones are formatted and sent; and {@code repertoire.exchange.download-reads}
 * chunks are read at once, each by a connection of its own ({@link ChunkReads}).
 */
@Component
class PublicStreams {

	private final PublicListings listings;

	private final ApiResources resources;

	private final int chunk;

	private final int pass;

	private final int reads;

	private final TaskExecutor readers;

	private final TaskExecutor chunkReaders;

	PublicStreams(PublicListings listings, ApiResources resources, ExchangeProperties properties,
			@Qualifier("downloadReaderExecutor") TaskExecutor readers,
			@Qualifier("downloadChunkExecutor") TaskExecutor chunkReaders) {
		this.listings = listings;
		this.resources = resources;
		this.chunk = properties.downloadChunk();
		this.pass = properties.downloadPass();
		this.reads = properties.downloadReads();
		this.readers = readers;
		this.chunkReaders = chunkReaders;
	}

	/** Every published actor of the list, read ahead of {@code each}. */
	void actors(ListCriteria criteria, Consumer<ApiActor> each) {
		ReadAhead.run(this.readers, this.chunk,
				(read) -> ChunkReads.each(this.chunkReaders, this.reads,
						(chunks) -> this.listings.actorChunks(criteria, this.pass, this.chunk, chunks),
						(long[] ids, Consumer<ApiActor> entries) -> this.listings.eachActor(ids,
								(actor) -> entries.accept(this.resources.actor(actor))),
						read),
				each);
	}

	/** Every public project of the list, read ahead of {@code each}. */
	void projects(ListCriteria criteria, Consumer<ApiProject> each) {
		ReadAhead.run(this.readers, this.chunk,
				(read) -> publicProjects(criteria, (project) -> read.accept(this.resources.project(project))), each);
	}

	/**
	 * Every public project of the list, on the calling thread, its chunks read at once.
	 */
	void publicProjects(ListCriteria criteria, Consumer<PublicProject> each) {
		ChunkReads.<long[], PublicProject>each(this.chunkReaders, this.reads,
				(chunks) -> this.listings.projectChunks(criteria, this.pass, this.chunk, chunks),
				this.listings::eachProject, each);
	}

}
