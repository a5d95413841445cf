package fr.lianes.repertoire.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import fr.lianes.repertoire.reference.ReferenceDependents.Refresh;
import fr.lianes.repertoire.reference.ReferenceDependents.Use;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change of a reference list in a transaction and, once it is committed, makes the
 * rest of the application see it: the lists held in memory ({@link ReferenceData}) are
 * reloaded, and the modules that use the lists ({@link ReferenceDependents}) refresh what
 * carries a changed name or slug (the search documents, whose mapping does not follow
 * reference entities by itself).
 */
@Component
class ReferenceChanges {

	/** The order the reasons of a refused deletion are listed in. */
	private static final List<String> USE_ORDER = List.of("reference.admin.delete.actors",
			"reference.admin.delete.projects", "reference.admin.delete.sub-domains", "reference.admin.delete.epcis",
			"reference.admin.delete.submissions");

	/** A change and what must follow it once committed. */
	record Change<T>(T result, List<Refresh> refreshes) {

		Change(T result) {
			this(result, List.of());
		}

	}

	private final TransactionTemplate transactions;

	private final ReferenceData reference;

	private final List<ReferenceDependents> dependents;

	ReferenceChanges(PlatformTransactionManager transactionManager, ReferenceData reference,
			List<ReferenceDependents> dependents) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.reference = reference;
		this.dependents = List.copyOf(dependents);
	}

	/**
	 * Runs the change in a transaction, then refreshes the lists and what carries the
	 * changed entry.
	 * @param reasonKey the message naming the change on the reindex page
	 * @param reasonArgs its arguments
	 */
	<T> ListChange<T> apply(String reasonKey, List<String> reasonArgs, Supplier<Change<T>> change) {
		Change<T> done = this.transactions.execute((status) -> change.get());
		this.reference.refresh();
		long reindexing = 0;
		for (Refresh refresh : done.refreshes()) {
			reindexing += refresh.start(reasonKey, reasonArgs);
		}
		return new ListChange<>(done.result(), reindexing);
	}

	/** What must follow a rename or a move of an entry, in every module using it. */
	List<Refresh> affectedBy(ReferenceEntry changed) {
		return this.dependents.stream()
			.map((dependent) -> dependent.affectedBy(changed))
			.filter((refresh) -> refresh != Refresh.NONE)
			.toList();
	}

	/**
	 * Throws if the entry is used, by the other modules or by the list itself.
	 * @param own the uses inside the reference lists (sub-domains, EPCI)
	 */
	void refuseIfUsed(ReferenceEntry entry, List<Use> own) {
		List<Use> uses = new ArrayList<>(own);
		this.dependents.forEach((dependent) -> uses.addAll(dependent.usesOf(entry)));
		List<Use> reasons = uses.stream()
			.filter((use) -> use.count() > 0)
			.sorted(Comparator.comparingInt((Use use) -> order(use.messageKey())))
			.toList();
		if (!reasons.isEmpty()) {
			throw new DeletionRefusedException(reasons);
		}
	}

	/** A count summed over the modules using the lists. */
	<K> Map<K, Long> counts(Function<ReferenceDependents, Map<K, Long>> count) {
		Map<K, Long> sums = new HashMap<>();
		this.dependents
			.forEach((dependent) -> count.apply(dependent).forEach((key, n) -> sums.merge(key, n, Long::sum)));
		return sums;
	}

	private static int order(String messageKey) {
		int i = USE_ORDER.indexOf(messageKey);
		return (i < 0) ? USE_ORDER.size() : i;
	}

}
