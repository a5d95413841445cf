package fr.lianes.repertoire.census;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The questionnaire's steps as its progress indicator shows them: which one is shown,
 * which ones are done (their answers break no rule, as the review page would find them).
 */
@Component("censusSteps")
public class CensusSteps {

	/** The steps in their order, named as their addresses under /recensement. */
	static final List<String> NAMES = List.of("structure", "contacts", "projets", "relecture");

	/** One step of the indicator; {@code number} counts from 1. */
	public record Step(String name, int number, boolean current, boolean done) {
	}

	private final AnswersCheck check;

	CensusSteps(AnswersCheck check) {
		this.check = check;
	}

	/** Every step, {@code current} being the one shown. */
	public List<Step> of(CensusAnswers answers, String current) {
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < NAMES.size(); i++) {
			String name = NAMES.get(i);
			steps.add(new Step(name, i + 1, name.equals(current), done(answers, name)));
		}
		return steps;
	}

	/** The number of the step shown, from 1; 0 for a page that is not a step. */
	public int number(String current) {
		return NAMES.indexOf(current) + 1;
	}

	public int count() {
		return NAMES.size();
	}

	/**
	 * Whether a step's answers are complete: the review step is done only once sent, and
	 * the projects step needs one project at least.
	 */
	private boolean done(CensusAnswers answers, String step) {
		return switch (step) {
			case "structure" -> !this.check.checked(answers.structure()).hasErrors();
			case "contacts" -> !this.check.checked(new ContactsForm(answers.contacts())).hasErrors();
			case "projets" -> !answers.projects().isEmpty()
					&& answers.projects().stream().noneMatch((p) -> this.check.checked(p).hasErrors());
			default -> false;
		};
	}

}
