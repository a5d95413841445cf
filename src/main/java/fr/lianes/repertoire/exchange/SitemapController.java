package fr.lianes.repertoire.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import fr.lianes.repertoire.directory.PublicEntries;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code robots.txt} and the sitemap: an index of files of at most {@value #IDS_PER_FILE}
 * actors or projects (split by id, so a file keeps its entries as the directory grows),
 * and one of the other public pages.
 */
@Controller
class SitemapController {

	static final long IDS_PER_FILE = 40_000;

	private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private final PublicEntries entries;

	private final ReferenceData reference;

	private final ApiResources resources;

	SitemapController(PublicEntries entries, ReferenceData reference, ApiResources resources) {
		this.entries = entries;
		this.reference = reference;
		this.resources = resources;
	}

	@GetMapping("/robots.txt")
	void robots(HttpServletResponse response) throws IOException {
		response.setContentType("text/plain;charset=UTF-8");
		PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
		out.print("User-agent: *\n");
		for (String path : List.of("/moderation", "/connexion", "/recensement", "/suggestions")) {
			out.print("Disallow: " + path + "\n");
		}
		out.print("\nSitemap: " + this.resources.site() + "/sitemap.xml\n");
		out.flush();
	}

	@GetMapping("/sitemap.xml")
	void index(HttpServletResponse response) throws IOException {
		long[] highest = this.entries.highestIds();
		xml(response, (xml) -> {
			xml.writeStartElement("sitemapindex");
			xml.writeDefaultNamespace(NS);
			sitemap(xml, "/sitemap-pages.xml");
			for (long file = 1; (file - 1) * IDS_PER_FILE < highest[0]; file++) {
				sitemap(xml, "/sitemap-acteurs-" + file + ".xml");
			}
			for (long file = 1; (file - 1) * IDS_PER_FILE < highest[1]; file++) {
				sitemap(xml, "/sitemap-projets-" + file + ".xml");
			}
			xml.writeEndElement();
		});
	}

	@GetMapping("/sitemap-pages.xml")
	void pages(HttpServletResponse response) throws IOException {
		xml(response, (xml) -> {
			urlset(xml);
			for (String path : List.of("/", "/acteurs", "/projets", "/pays", "/domaines", "/territoires", "/chiffres",
					"/donnees", "/donnees/api", "/integrer")) {
				url(xml, path, null);
			}
			for (var country : this.reference.countries()) {
				url(xml, "/pays/" + country.iso2().toLowerCase(Locale.ROOT), null);
			}
			for (var domain : this.reference.domains()) {
				url(xml, "/domaines/" + domain.slug(), null);
			}
			for (var territory : this.reference.territories()) {
				url(xml, "/territoires/" + territory.slug(), null);
			}
			xml.writeEndElement();
		});
	}

	@GetMapping("/sitemap-{kind:acteurs|projets}-{file:[0-9]{1,6}}.xml")
	void entries(@PathVariable String kind, @PathVariable int file, HttpServletResponse response) throws IOException {
		if (file < 1) {
			throw new NotFoundException();
		}
		BiFunction<Long, Long, List<PublicEntries.Stamp>> stamps = kind.equals("acteurs") ? this.entries::actorStamps
				: this.entries::projectStamps;
		List<PublicEntries.Stamp> found = stamps.apply((file - 1) * IDS_PER_FILE, file * IDS_PER_FILE);
		xml(response, (xml) -> {
			urlset(xml);
			for (PublicEntries.Stamp stamp : found) {
				url(xml, "/" + kind + "/" + stamp.slug(), stamp.updatedAt());
			}
			xml.writeEndElement();
		});
	}

	private interface XmlBody {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

	private void xml(HttpServletResponse response, XmlBody body) throws IOException {
		response.setContentType("application/xml;charset=UTF-8");
		OutputStream out = response.getOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			body.write(xml);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	private static void urlset(XMLStreamWriter xml) throws XMLStreamException {
		xml.writeStartElement("urlset");
		xml.writeDefaultNamespace(NS);
	}

	private void sitemap(XMLStreamWriter xml, String path) throws XMLStreamException {
		xml.writeStartElement("sitemap");
		xml.writeStartElement("loc");
		xml.writeCharacters(this.resources.site() + path);
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private void url(XMLStreamWriter xml, String path, Instant updated) throws XMLStreamException {
		xml.writeStartElement("url");
		xml.writeStartElement("loc");
		xml.writeCharacters(this.resources.site() + path);
		xml.writeEndElement();
		if (updated != null) {
			xml.writeStartElement("lastmod");
			xml.writeCharacters(updated.atOffset(ZoneOffset.UTC).toLocalDate().toString());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

}
