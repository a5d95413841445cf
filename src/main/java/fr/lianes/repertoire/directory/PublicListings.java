package fr.lianes.repertoire.directory;

import java.util.List;
import java.util.function.Consumer;

import fr.lianes.repertoire.search.SearchPages;

import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * The lists of {@code /acteurs} and {@code /projets} for what takes them out (downloads,
 * API, feeds, widget): the same parameters read the same way, the same entries in the
 * same order, one slice after another.
 */
@Service
public class PublicListings {

	private final ListCriteriaParser parser;

	private final SearchPages pages;

	private final PublicEntries entries;

	PublicListings(ListCriteriaParser parser, SearchPages pages, PublicEntries entries) {
		this.parser = parser;
		this.pages = pages;
		this.entries = entries;
	}

	/**
	 * A slice of a list.
	 *
	 * @param rows the entries of the slice, in the list's order
	 * @param total the number of entries of the whole list
	 * @param next the cursor of the next slice, or null after the last
	 */
	public record Slice<T>(List<T> rows, long total, String next) {

	}

	/** What these parameters ask of {@code /acteurs}. */
	public ListCriteria actorCriteria(MultiValueMap<String, String> params) {
		return this.parser.parse(params, Statuses.slugs(ActorStatus.values()));
	}

	/** What these parameters ask of {@code /projets}. */
	public ListCriteria projectCriteria(MultiValueMap<String, String> params) {
		return this.parser.parse(params, Statuses.slugs(ProjectStatus.values()));
	}

	/** The same list, most recently changed first. */
	public ListCriteria mostRecentFirst(ListCriteria criteria) {
		return new ListCriteria(criteria.q(), criteria.types(), criteria.territories(), criteria.countries(),
				criteria.domains(), criteria.statuses(), 1, ListCriteria.SORT_RECENT, criteria.ignored());
	}

	/**
	 * The published actors of the list after the cursor (null: from the first).
	 * @throws SearchPages.InvalidCursorException for a cursor this list did not give
	 */
	public Slice<PublicActor> actors(ListCriteria criteria, String cursor, int size) {
		SearchPages.Slice slice = this.pages
			.actors(ListSearch.query(criteria, 1, ActorStatus.values(), ActorStatus.REGISTERED), cursor, size);
		return new Slice<>(this.entries.actors(slice.ids()), slice.total(), slice.next());
	}

	/**
	 * Every published actor of the list, in its order (that of its slices): the order
	 * found in the index {@code pass} entries at a time, handed over {@code chunk} at a
	 * time, each chunk's entries then read from the database by one streaming query as
	 * they are written.
	 */
	public void eachActor(ListCriteria criteria, int pass, int chunk, Consumer<PublicActor> each) {
		actorChunks(criteria, pass, chunk, (ids) -> eachActor(ids, each));
	}

	/**
	 * The identifiers of every published actor of the list, in its order, {@code chunk}
	 * at a time (as {@link #eachActor(ListCriteria, int, int, Consumer)} finds them), for
	 * a caller that reads the chunks' entries itself
	 * ({@link #eachActor(long[], Consumer)}).
	 */
	public void actorChunks(ListCriteria criteria, int pass, int chunk, Consumer<long[]> each) {
		this.pages.allActors(ListSearch.query(criteria, 1, ActorStatus.values(), ActorStatus.REGISTERED), pass, chunk,
				each);
	}

	/** These published actors, in this order, by one streaming query. */
	public void eachActor(long[] ids, Consumer<PublicActor> each) {
		this.entries.eachActor(ids, each);
	}

	/** Every public project of the list, in its order, as {@link #eachActor}. */
	public void eachProject(ListCriteria criteria, int pass, int chunk, Consumer<PublicProject> each) {
		projectChunks(criteria, pass, chunk, (ids) -> eachProject(ids, each));
	}

	/** The identifiers of every public project of the list, as {@link #actorChunks}. */
	public void projectChunks(ListCriteria criteria, int pass, int chunk, Consumer<long[]> each) {
		this.pages.allProjects(ListSearch.query(criteria, 1, ProjectStatus.values(), List.of()), pass, chunk, each);
	}

	/** These public projects, in this order. */
	public void eachProject(long[] ids, Consumer<PublicProject> each) {
		this.entries.eachProject(ids, each);
	}

	/**
	 * The public projects of the list after the cursor (null: from the first).
	 * @throws SearchPages.InvalidCursorException for a cursor this list did not give
	 */
	public Slice<PublicProject> projects(ListCriteria criteria, String cursor, int size) {
		SearchPages.Slice slice = this.pages.projects(ListSearch.query(criteria, 1, ProjectStatus.values(), List.of()),
				cursor, size);
		return new Slice<>(this.entries.projects(slice.ids()), slice.total(), slice.next());
	}

}
