package fr.lianes.repertoire.demo;

import fr.lianes.repertoire.reference.Slugs;
import java.util.List;

import fr.lianes.repertoire.demo.CopyWriter.Table;
import fr.lianes.repertoire.demo.ProjectSpec.Agreement;

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
		long id = this.run.nextPartnerId++;
		this.run.writer.row(Table.PARTNER_ORGANISATION, id, name, iso2, city);
		return id;
	}

	long write(ProjectSpec project) {
		DemoRun run = this.run;
		long id = run.nextProjectId++;
		Agreement agreement = project.agreement();
		run.writer.row(Table.PROJECT, id, run.projectSlugs.unique(project.title()), project.title(),
				project.leadActorId(), project.kind(), project.nature(), project.description(), project.beneficiaries(),
				project.localities(), project.funders(), project.startYear(), project.endYear(), project.status(),
				project.budget(), (agreement != null) ? agreement.partnerAuthority() : null,
				(agreement != null) ? agreement.signatureDate() : null,
				(agreement != null) ? agreement.durationYears() : null,
				(agreement != null) ? agreement.axes() : List.of(), true, project.createdAt(), project.updatedAt());
		for (Long actorId : distinct(project.otherActorIds())) {
			if (actorId != project.leadActorId()) {
				run.writer.row(Table.PROJECT_ACTOR, id, actorId);
			}
		}
		for (String iso2 : distinct(project.countries())) {
			run.writer.row(Table.PROJECT_COUNTRY, id, iso2);
			run.countries.add(iso2);
		}
		for (Integer domainId : distinct(project.domainIds())) {
			run.writer.row(Table.PROJECT_DOMAIN, id, domainId);
		}
		for (Long partnerId : distinct(project.partnerIds())) {
			run.writer.row(Table.PROJECT_PARTNER, id, partnerId);
		}
		run.projects++;
		return id;
	}

	/** The list without repeats, in its order: primary keys forbid duplicates. */
	private static <T> List<T> distinct(List<T> values) {
		return values.stream().distinct().toList();
	}

}
