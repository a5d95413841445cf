package fr.lianes.repertoire.search;

import javax.sql.DataSource;

import fr.lianes.repertoire.database.AdvisoryClaims;

import org.springframework.stereotype.Component;

/**
 * Which instance runs a reindex run ({@code search_reindex_run}): the one that holds the
 * run's claim ({@link AdvisoryClaims}), kept while the run goes on; an instance that
 * stops or dies lets go of its run, which another takes up.
 */
@Component
class ReindexClaims extends AdvisoryClaims {

	/**
	 * The first key of the reindex runs' advisory locks (the second is the run's id); the
	 * import jobs have their own.
	 */
	static final int LOCK_SPACE = 0x5E_A2C4;

	ReindexClaims(DataSource dataSource) {
		super(dataSource, LOCK_SPACE, "reindex");
	}

}
