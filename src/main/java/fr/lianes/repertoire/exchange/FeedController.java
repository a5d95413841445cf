package fr.lianes.repertoire.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import fr.lianes.repertoire.directory.ListCriteria;
import fr.lianes.repertoire.directory.PublicActor;
import fr.lianes.repertoire.directory.PublicListings;
import fr.lianes.repertoire.directory.PublicProject;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Atom feeds of the new and updated entries of any filtered list ("new actors working in
 * Senegal in health"): the list's latest changes first (at most {@value #ENTRIES}), with
 * the list's parameters.
 */
@Controller
class FeedController {

	static final int ENTRIES = 50;

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private final PublicListings listings;

	private final ApiResources resources;

	private final MessageSource messages;

	FeedController(PublicListings listings, ApiResources resources, MessageSource messages) {
		this.listings = listings;
		this.resources = resources;
		this.messages = messages;
	}

	/** One entry of a feed. */
	record Entry(String title, String url, Instant published, Instant updated, String summary) {

	}

	@GetMapping("/donnees/acteurs.atom")
	void actors(@RequestParam MultiValueMap<String, String> params, Locale locale, HttpServletResponse response)
			throws IOException {
		ListCriteria criteria = this.listings.actorCriteria(params);
		List<PublicActor> actors = this.listings.actors(this.listings.mostRecentFirst(criteria), null, ENTRIES).rows();
		write(response, "/donnees/acteurs.atom", "/acteurs", criteria, locale,
				this.messages.getMessage("exchange.feed.actors", null, locale),
				actors.stream()
					.map((a) -> new Entry(a.name(), this.resources.actorUrl(a.slug()), a.createdAt(), a.updatedAt(),
							Stream.of(a.typeName(), a.communeName(), a.description())
								.filter((v) -> v != null && !v.isBlank())
								.reduce((x, y) -> x + " — " + y)
								.orElse("")))
					.toList());
	}

	@GetMapping("/donnees/projets.atom")
	void projects(@RequestParam MultiValueMap<String, String> params, Locale locale, HttpServletResponse response)
			throws IOException {
		ListCriteria criteria = this.listings.projectCriteria(params);
		List<PublicProject> projects = this.listings.projects(this.listings.mostRecentFirst(criteria), null, ENTRIES)
			.rows();
		write(response, "/donnees/projets.atom", "/projets", criteria, locale,
				this.messages.getMessage("exchange.feed.projects", null, locale),
				projects.stream()
					.map((p) -> new Entry(p.title(), this.resources.projectUrl(p.slug()), p.createdAt(), p.updatedAt(),
							Stream.of(p.lead().name(), p.description())
								.filter((v) -> v != null && !v.isBlank())
								.reduce((x, y) -> x + " — " + y)
								.orElse("")))
					.toList());
	}

	private void write(HttpServletResponse response, String feedPath, String listPath, ListCriteria criteria,
			Locale locale, String title, List<Entry> entries) throws IOException {
		// the feed is always the most recent first: its address carries no order
		String query = criteria.without("tri", criteria.sort());
		String self = this.resources.site() + feedPath + query;
		Instant updated = entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
		response.setContentType("application/atom+xml;charset=UTF-8");
		OutputStream out = response.getOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(ATOM);
			text(xml, "id", self);
			text(xml, "title", title);
			text(xml, "updated", time(updated));
			link(xml, "self", self);
			link(xml, "alternate", this.resources.site() + listPath + query);
			xml.writeStartElement("author");
			text(xml, "name", this.messages.getMessage("exchange.feed.author", null, locale));
			xml.writeEndElement();
			for (Entry entry : entries) {
				xml.writeStartElement("entry");
				text(xml, "id", entry.url());
				text(xml, "title", entry.title());
				if (entry.published() != null) {
					text(xml, "published", time(entry.published()));
				}
				text(xml, "updated", time(entry.updated()));
				link(xml, "alternate", entry.url());
				text(xml, "summary", entry.summary());
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	private static String time(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC).withNano(0));
	}

	private static void text(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

}
