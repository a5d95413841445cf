package fr.lianes.repertoire.demo;

import java.util.List;

import fr.lianes.repertoire.demo.ProjectSpec.Agreement;
import fr.lianes.repertoire.directory.BulkWriter;
import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.directory.ProjectStatus;

/**
 * Writes projects and partner organisations abroad.
 */
final class ProjectWriter {

	private final DemoRun run;

	ProjectWriter(DemoRun run) {
		this.run = run;
	}

	/** Writes a partner organisation and answers its id, for this and later projects. */
	long partner(String name, String iso2, String city) {
		return this.run.writer.partner(name, iso2, city);
	}

	long write(ProjectSpec project) {
		Agreement agreement = project.agreement();
		return this.run.writer.project(new BulkWriter.Project(project.title(), project.leadActorId(),
				ProjectKind.valueOf(project.kind()), ProjectNature.valueOf(project.nature()), project.description(),
				project.beneficiaries(), project.localities(), project.funders(), project.startYear(),
				project.endYear(), ProjectStatus.valueOf(project.status()), project.budget(),
				(agreement != null) ? agreement.partnerAuthority() : null,
				(agreement != null) ? agreement.signatureDate() : null,
				(agreement != null) ? agreement.durationYears() : null,
				(agreement != null) ? agreement.axes() : List.of(), true, project.createdAt(), project.updatedAt(),
				project.otherActorIds(), project.countries(), project.domainIds(), project.partnerIds()));
	}

}
