package fr.lianes.repertoire.census;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.Validator;

import fr.lianes.repertoire.directory.Identifiers;
import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.directory.ProjectStatus;
import fr.lianes.repertoire.reference.Networks;
import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;

/**
 * The questionnaire's rules beyond each field's bounds: values from the reference lists,
 * identifiers with their check digits, years in order. Each broken rule becomes a message
 * next to its field.
 */
@Component
class AnswersCheck {

	/** A rule broken somewhere in the questionnaire, for the review page. */
	record Problem(String step, String messageKey) {
	}

	private static final Pattern PHONE = Pattern.compile("[0-9+ ().\\-]{6,30}");

	private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

	private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/$.?#][^\\s]*\\.[^\\s]+",
			Pattern.CASE_INSENSITIVE);

	private final ReferenceData reference;

	private final Networks networks;

	private final Validator validator;

	private final Clock clock;

	AnswersCheck(ReferenceData reference, Networks networks, Validator validator, Clock clock) {
		this.clock = clock;
		this.reference = reference;
		this.networks = networks;
		this.validator = validator;
	}

	void structure(StructureAnswers s, Errors errors) {
		if (!Text.isBlank(s.actorType()) && this.reference.actorType(s.actorType()).isEmpty()) {
			reject(errors, "actorType", "census.error.choose");
		}
		if (!Text.isBlank(s.siret()) && !Identifiers.isValidSirenOrSiret(Text.digits(s.siret()))) {
			reject(errors, "siret", "census.error.siret");
		}
		if (!Text.isBlank(s.rna()) && !Identifiers.isValidRna(s.rna().strip().toUpperCase(java.util.Locale.ROOT))) {
			reject(errors, "rna", "census.error.rna");
		}
		if (!Text.isBlank(s.postalCode()) && !Text.digits(s.postalCode()).matches("[0-9]{5}")) {
			reject(errors, "postalCode", "census.error.postal-code");
		}
		else if (!Text.isBlank(s.communeName()) && Text.isBlank(s.communeInsee())) {
			reject(errors, "communeName", "census.error.commune");
		}
		if (!Text.isBlank(s.website()) && !WEBSITE.matcher(s.website().strip()).matches()) {
			reject(errors, "website", "census.error.website");
		}
		if (!Text.isBlank(s.phone()) && !PHONE.matcher(s.phone().strip()).matches()) {
			reject(errors, "phone", "census.error.phone");
		}
		if (!Text.isBlank(s.foundingYear()) && !isYear(s.foundingYear(), 1800, Year.now(this.clock).getValue())) {
			reject(errors, "foundingYear", "census.error.founding-year");
		}
		if (s.networks().stream().anyMatch((slug) -> !this.networks.exists(slug))) {
			reject(errors, "networks", "census.error.choose");
		}
	}

	void contacts(List<ContactAnswers> contacts, String path, Errors errors) {
		if (contacts.isEmpty()) {
			errors.reject("census.error.no-contact");
		}
		for (int i = 0; i < contacts.size(); i++) {
			ContactAnswers contact = contacts.get(i);
			if (!Text.isBlank(contact.phone()) && !PHONE.matcher(contact.phone().strip()).matches()) {
				reject(errors, path + "[" + i + "].phone", "census.error.phone");
			}
			if (contact.publishEmail() && Text.isBlank(contact.email())) {
				reject(errors, path + "[" + i + "].email", "census.error.consent-without-value");
			}
			if (contact.publishPhone() && Text.isBlank(contact.phone())) {
				reject(errors, path + "[" + i + "].phone", "census.error.consent-without-value");
			}
		}
	}

	void project(ProjectAnswers p, Errors errors) {
		ProjectKind kind = valueOf(ProjectKind.class, p.kind());
		if (!Text.isBlank(p.kind()) && kind == null) {
			reject(errors, "kind", "census.error.choose");
		}
		if (!Text.isBlank(p.nature()) && valueOf(ProjectNature.class, p.nature()) == null) {
			reject(errors, "nature", "census.error.choose");
		}
		if (!Text.isBlank(p.status()) && valueOf(ProjectStatus.class, p.status()) == null) {
			reject(errors, "status", "census.error.choose");
		}
		if (p.countries().stream().anyMatch((iso2) -> this.reference.country(iso2).isEmpty())) {
			reject(errors, "countries", "census.error.choose");
		}
		else if (p.countries().isEmpty() && kind != ProjectKind.DEVELOPMENT_EDUCATION) {
			reject(errors, "countries", "census.error.no-country");
		}
		if (p.domains().isEmpty()) {
			reject(errors, "domains", "census.error.no-domain");
		}
		else if (p.domains().stream().anyMatch((slug) -> this.reference.domain(slug).isEmpty())) {
			reject(errors, "domains", "census.error.choose");
		}
		int current = Year.now(this.clock).getValue();
		boolean startOk = Text.isBlank(p.startYear()) || isYear(p.startYear(), 1950, current + 10);
		boolean endOk = Text.isBlank(p.endYear()) || isYear(p.endYear(), 1950, current + 30);
		if (!startOk) {
			reject(errors, "startYear", "census.error.year");
		}
		if (!endOk) {
			reject(errors, "endYear", "census.error.year");
		}
		if (startOk && endOk && !Text.isBlank(p.startYear()) && !Text.isBlank(p.endYear())
				&& Integer.parseInt(p.endYear().strip()) < Integer.parseInt(p.startYear().strip())) {
			reject(errors, "endYear", "census.error.end-before-start");
		}
		if (kind == ProjectKind.DECENTRALISED_COOPERATION && Text.isBlank(p.partnerAuthority())) {
			reject(errors, "partnerAuthority", "census.error.partner-authority");
		}
		for (int i = 0; i < p.partners().size(); i++) {
			PartnerAnswers partner = p.partners().get(i);
			if (Text.isBlank(partner.name())) {
				reject(errors, "partners[" + i + "].name", "census.error.required");
			}
			if (Text.isBlank(partner.country()) || this.reference.country(partner.country()).isEmpty()) {
				reject(errors, "partners[" + i + "].country", "census.error.choose");
			}
		}
	}

	/**
	 * Every rule of every step, for the review page: what stops the questionnaire being
	 * sent.
	 */
	List<Problem> all(CensusAnswers answers) {
		List<Problem> problems = new ArrayList<>();
		if (checked(answers.structure()).hasErrors()) {
			problems.add(new Problem("structure", "census.review.problem.structure"));
		}
		if (checked(new ContactsForm(answers.contacts())).hasErrors()) {
			problems.add(new Problem("contacts", "census.review.problem.contacts"));
		}
		for (ProjectAnswers project : answers.projects()) {
			if (checked(project).hasErrors()) {
				problems.add(new Problem("projets/" + project.key(), "census.review.problem.project"));
			}
		}
		return problems;
	}

	/** The structure step's bounds and rules, errors at the paths its page shows them. */
	BindingResult checked(StructureAnswers structure) {
		BindingResult errors = Forms.validated(this.validator, structure, "structure");
		structure(structure, errors);
		return errors;
	}

	BindingResult checked(ContactsForm form) {
		BindingResult errors = Forms.validated(this.validator, form, "contactsForm");
		contacts(form.contacts(), "contacts", errors);
		return errors;
	}

	BindingResult checked(ProjectAnswers project) {
		BindingResult errors = Forms.validated(this.validator, project, "project");
		project(project, errors);
		return errors;
	}

	private static void reject(Errors errors, String field, String code) {
		if (!errors.hasFieldErrors(field)) {
			errors.rejectValue(field, code);
		}
	}

	private static boolean isYear(String value, int min, int max) {
		String year = value.strip();
		return YEAR.matcher(year).matches() && Integer.parseInt(year) >= min && Integer.parseInt(year) <= max;
	}

	static <E extends Enum<E>> E valueOf(Class<E> type, String name) {
		if (name == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		return null;
	}

}
