package fr.lianes.repertoire.directory;

import fr.lianes.repertoire.web.PublicSite;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * An actor as a schema.org {@code Organization} in JSON-LD, for its page: what the page
 * shows, its contact persons with their consented fields only ({@link ActorView} holds
 * nothing else), written so that it cannot close its {@code <script>} element.
 */
@Component
class ActorJsonLd {

	private final JsonMapper json;

	private final PublicSite site;

	ActorJsonLd(JsonMapper json, PublicSite site) {
		this.json = json;
		this.site = site;
	}

	String of(ActorView actor) {
		ObjectNode org = this.json.createObjectNode();
		org.put("@context", "https://schema.org");
		org.put("@type", "Organization");
		String url = this.site.of("/acteurs/" + actor.slug());
		org.put("@id", url + "#organisation");
		org.put("url", url);
		org.put("name", actor.name());
		putIfPresent(org, "alternateName", actor.acronym());
		putIfPresent(org, "description", actor.description());
		if (actor.website() != null) {
			org.putArray("sameAs").add(actor.website());
		}
		putIfPresent(org, "email", actor.email());
		putIfPresent(org, "telephone", actor.phone());
		if (actor.foundingYear() != null) {
			org.put("foundingDate", actor.foundingYear().toString());
		}
		ObjectNode address = org.putObject("address");
		address.put("@type", "PostalAddress");
		putIfPresent(address, "streetAddress", actor.addressLine());
		putIfPresent(address, "postalCode", actor.postalCode());
		putIfPresent(address, "addressLocality", actor.communeName());
		address.put("addressRegion", "Hauts-de-France");
		address.put("addressCountry", "FR");
		ArrayNode identifiers = this.json.createArrayNode();
		if (actor.sirenSiret() != null) {
			identifiers.add(identifier((actor.sirenSiret().length() == 14) ? "SIRET" : "SIREN", actor.sirenSiret()));
		}
		if (actor.rna() != null) {
			identifiers.add(identifier("RNA", actor.rna()));
		}
		if (!identifiers.isEmpty()) {
			org.set("identifier", identifiers);
		}
		if (!actor.contacts().isEmpty()) {
			ArrayNode points = org.putArray("contactPoint");
			for (ActorView.PublicContact contact : actor.contacts()) {
				ObjectNode point = points.addObject();
				point.put("@type", "ContactPoint");
				putIfPresent(point, "name", contact.name());
				putIfPresent(point, "contactType", contact.role());
				putIfPresent(point, "email", contact.email());
				putIfPresent(point, "telephone", contact.phone());
			}
		}
		// inside <script>: no "</script>", no "<!--", whatever the entry's text says
		return this.json.writeValueAsString(org)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
	}

	private ObjectNode identifier(String kind, String value) {
		ObjectNode identifier = this.json.createObjectNode();
		identifier.put("@type", "PropertyValue");
		identifier.put("propertyID", kind);
		identifier.put("value", value);
		return identifier;
	}

	private static void putIfPresent(ObjectNode node, String name, String value) {
		if (value != null && !value.isBlank()) {
			node.put(name, value);
		}
	}

}
