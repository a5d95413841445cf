package fr.lianes.repertoire.census;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a questionnaire holds, as its author typed it: the content of a submission,
 * kept as one JSON document from the first step to the moderators' decision.
 *
 * @param structure the actor itself
 * @param contacts its contact persons
 * @param projects its projects
 * @param publicationConsent whether the actor agrees to the publication of its entry,
 * null until it says
 * @param noticeVersion the privacy notice shown when consent was given
 */
public record CensusAnswers(StructureAnswers structure, List<ContactAnswers> contacts, List<ProjectAnswers> projects,
		Boolean publicationConsent, String noticeVersion) {

	public CensusAnswers {
		structure = (structure != null) ? structure : StructureAnswers.empty();
		contacts = (contacts != null) ? List.copyOf(contacts) : List.of();
		projects = (projects != null) ? List.copyOf(projects) : List.of();
	}

	static CensusAnswers empty() {
		return new CensusAnswers(null, null, null, null, null);
	}

	CensusAnswers withStructure(StructureAnswers structure) {
		return new CensusAnswers(structure, this.contacts, this.projects, this.publicationConsent, this.noticeVersion);
	}

	CensusAnswers withContacts(List<ContactAnswers> contacts) {
		return new CensusAnswers(this.structure, contacts, this.projects, this.publicationConsent, this.noticeVersion);
	}

	CensusAnswers withConsent(Boolean consent, String noticeVersion) {
		return new CensusAnswers(this.structure, this.contacts, this.projects, consent, noticeVersion);
	}

	Optional<ProjectAnswers> project(String key) {
		return this.projects.stream().filter((p) -> p.key().equals(key)).findFirst();
	}

	/** Replaces the project of the same key, or adds it at the end. */
	CensusAnswers withProject(ProjectAnswers project) {
		List<ProjectAnswers> projects = new ArrayList<>(this.projects);
		int index = indexOf(project.key());
		if (index >= 0) {
			projects.set(index, project);
		}
		else {
			projects.add(project);
		}
		return new CensusAnswers(this.structure, this.contacts, projects, this.publicationConsent, this.noticeVersion);
	}

	CensusAnswers withoutProject(String key) {
		return new CensusAnswers(this.structure, this.contacts,
				this.projects.stream().filter((p) -> !p.key().equals(key)).toList(), this.publicationConsent,
				this.noticeVersion);
	}

	private int indexOf(String key) {
		for (int i = 0; i < this.projects.size(); i++) {
			if (this.projects.get(i).key().equals(key)) {
				return i;
			}
		}
		return -1;
	}

}
