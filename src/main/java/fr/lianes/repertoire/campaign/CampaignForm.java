package fr.lianes.repertoire.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/**
 * The form that opens a campaign. Dates are bound as typed (a browser without a date
 * picker sends what the person wrote) and read here: {@code 2026-12-01} as date fields
 * send it, or {@code 01/12/2026}.
 */
record CampaignForm(@NotBlank(message = "{campaign.error.name.required}") @Size(max = 150,
		message = "{campaign.error.name.too-long}") String name, String opensOn, String closesOn, String asOf) {

	/** A campaign ready to be created. */
	record NewCampaign(String name, LocalDate opensOn, LocalDate closesOn, LocalDate asOf) {
	}

	static final List<String> FIELDS = List.of("name", "opensOn", "closesOn", "asOf");

	private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"),
			DateTimeFormatter.ofPattern("d/M/uuuu"));

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);

	private static final int FIRST_YEAR = 2000;

	private static final int LAST_YEAR = 2100;

	/** What the form proposes: a campaign from today, for two months. */
	static CampaignForm proposal(LocalDate today) {
		LocalDate closes = today.plusMonths(2);
		return new CampaignForm("", today.toString(), closes.toString(), closes.toString());
	}

	/**
	 * Checks what bean validation cannot: the name against the other campaigns', the
	 * dates and their order. Errors come in the order of the fields.
	 * @param latestOpening the opening of the latest campaign: a new one opening before
	 * it would never be the one questionnaires count for
	 * @return the campaign, if the form has no error at all
	 */
	Optional<NewCampaign> check(Errors errors, LocalDate today, Optional<LocalDate> latestOpening,
			Predicate<String> nameTaken) {
		if (this.name != null && this.name.codePoints().anyMatch(Character::isISOControl)) {
			errors.rejectValue("name", "campaign.error.name.invalid");
		}
		else if (this.name != null && !this.name.isBlank() && nameTaken.test(this.name.strip())) {
			errors.rejectValue("name", "campaign.error.name.taken");
		}
		LocalDate opens = date(errors, "opensOn", this.opensOn);
		if (opens != null && latestOpening.isPresent() && opens.isBefore(latestOpening.get())) {
			errors.rejectValue("opensOn", "campaign.error.opens.before-latest",
					new Object[] { latestOpening.get().format(FRENCH_DATE) }, null);
		}
		LocalDate closes = date(errors, "closesOn", this.closesOn);
		if (closes != null && closes.isBefore(today)) {
			errors.rejectValue("closesOn", "campaign.error.closes.past");
		}
		else if (opens != null && closes != null && closes.isBefore(opens)) {
			errors.rejectValue("closesOn", "campaign.error.closes.before-opening");
		}
		LocalDate asOf = date(errors, "asOf", this.asOf);
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new NewCampaign(this.name.strip(), opens, closes, asOf));
	}

	private static LocalDate date(Errors errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "campaign.error.date.required");
			return null;
		}
		for (DateTimeFormatter format : FORMATS) {
			try {
				LocalDate date = LocalDate.parse(value.strip(), format.withResolverStyle(ResolverStyle.STRICT));
				if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
					errors.rejectValue(field, "campaign.error.date.range");
					return null;
				}
				return date;
			}
			catch (DateTimeParseException ex) {
				// the next format, or the error below
			}
		}
		errors.rejectValue(field, "campaign.error.date.invalid");
		return null;
	}

}
