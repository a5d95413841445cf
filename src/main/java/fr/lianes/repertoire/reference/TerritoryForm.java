package fr.lianes.repertoire.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A named territory as an administrator types it. The slug is chosen once, when the
 * territory is added: it is a public address.
 *
 * @param slug the address ({@code /territoires/slug}); from the name when left blank
 * @param name the name shown everywhere
 */
public record TerritoryForm(
		@Size(max = Territories.SLUG_MAX, message = "{reference.admin.error.too-long}") @Pattern(
				regexp = "|" + Slugs.PATTERN, message = "{reference.admin.error.slug}") String slug,
		@NotBlank(message = "{reference.admin.error.required}") @Size(max = Territories.NAME_MAX,
				message = "{reference.admin.error.too-long}") String name) {

	public TerritoryForm {
		slug = (slug != null) ? slug.strip() : null;
		name = (name != null) ? name.strip() : null;
	}

	public static TerritoryForm empty() {
		return new TerritoryForm("", "");
	}

}
