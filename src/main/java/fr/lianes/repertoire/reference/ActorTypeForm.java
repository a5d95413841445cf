package fr.lianes.repertoire.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An actor type as an administrator types it. The code is chosen once, when the type is
 * added: it is the value of the lists' {@code type} filter.
 *
 * @param code the filter value; from the name when left blank
 * @param name the name shown everywhere
 * @param family the family it counts in for statistics ({@code ActorFamily})
 * @param iatiOrgType its IATI organisation type code
 */
public record ActorTypeForm(
		@Size(max = ActorTypes.CODE_MAX, message = "{reference.admin.error.too-long}") @Pattern(
				regexp = "|" + Slugs.PATTERN, message = "{reference.admin.error.slug}") String code,
		@NotBlank(message = "{reference.admin.error.required}") @Size(max = ActorTypes.NAME_MAX,
				message = "{reference.admin.error.too-long}") String name,
		@NotBlank(message = "{reference.admin.error.choose}") String family,
		@NotBlank(message = "{reference.admin.error.choose}") String iatiOrgType) {

	public ActorTypeForm {
		code = (code != null) ? code.strip() : null;
		name = (name != null) ? name.strip() : null;
	}

	public static ActorTypeForm empty() {
		return new ActorTypeForm("", "", "", "");
	}

}
