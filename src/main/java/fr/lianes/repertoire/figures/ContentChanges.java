package fr.lianes.repertoire.figures;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * What {@link ContentVersion} needs to know to keep the version in memory: whether every
 * change is announced now ({@link ContentChangeWatch} listens), and a count that moves at
 * each change seen or announced since, so that a version read before it is not kept. Its
 * own bean, without dependencies: the watch hears the transaction manager's commits,
 * which the version itself needs.
 */
@Component
class ContentChanges {

	private final AtomicLong count = new AtomicLong();

	private volatile boolean announced;

	/** The changes seen so far. */
	long count() {
		return this.count.get();
	}

	/** Whether every change of every process is announced. */
	boolean announced() {
		return this.announced;
	}

	/**
	 * A change committed (here or, announced, elsewhere), or may have: the version is
	 * read again from the database at its next use.
	 */
	void changed() {
		this.count.incrementAndGet();
	}

	/**
	 * Whether the changes of every process are announced from now on (the watch listens)
	 * or may not be (it stopped listening); either way, what was kept is read again.
	 */
	void announced(boolean announced) {
		this.announced = announced;
		changed();
	}

}
