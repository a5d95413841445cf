package fr.lianes.repertoire.imports;

import javax.sql.DataSource;

import fr.lianes.repertoire.database.AdvisoryClaims;

import org.springframework.stereotype.Component;

/**
 * Which instance runs an import job: the one that holds the job's claim
 * ({@link AdvisoryClaims}), taken before the job's state is read and kept while the job
 * runs; an instance that stops or dies lets go of its jobs, which the next instance to
 * start takes up (their state in {@code import_job} says where they are).
 */
@Component
class ImportClaims extends AdvisoryClaims {

	/** The first key of the imports' advisory locks (the second is the job's id). */
	static final int LOCK_SPACE = 0x14_1440;

	ImportClaims(DataSource dataSource) {
		super(dataSource, LOCK_SPACE, "import");
	}

}
