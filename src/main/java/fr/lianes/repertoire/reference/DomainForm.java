package fr.lianes.repertoire.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A domain or sub-domain as an administrator types it. The slug and the parent are chosen
 * once, when the entry is added: the slug is a public address.
 *
 * @param name the name shown everywhere
 * @param slug the address ({@code /domaines/slug}); from the name when left blank
 * @param parent the slug of the domain a sub-domain belongs to; blank for a domain
 * @param dacCodes OECD DAC purpose codes (5 digits) for IATI exports, separated by spaces
 */
public record DomainForm(
		@NotBlank(message = "{reference.admin.error.required}") @Size(max = Domains.NAME_MAX,
				message = "{reference.admin.error.too-long}") String name,
		@Size(max = Domains.SLUG_MAX, message = "{reference.admin.error.too-long}") @Pattern(
				regexp = "|" + Slugs.PATTERN, message = "{reference.admin.error.slug}") String slug,
		String parent, @Size(max = 200, message = "{reference.admin.error.too-long}") String dacCodes) {

	public DomainForm {
		name = (name != null) ? name.strip() : null;
		slug = (slug != null) ? slug.strip() : null;
		dacCodes = (dacCodes != null) ? dacCodes.strip() : null;
	}

	public static DomainForm empty() {
		return new DomainForm("", "", "", "");
	}

}
