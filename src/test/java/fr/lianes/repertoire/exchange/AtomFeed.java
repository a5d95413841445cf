package fr.lianes.repertoire.exchange;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An Atom feed as a reader sees it, checked for what RFC 4287 requires of a feed and of
 * its entries (id, title, updated; a link for each entry).
 *
 * @param id the feed's id
 * @param title its title
 * @param updated when it last changed
 * @param self its own address
 * @param alternate the address of the list it follows
 * @param entries its entries, in order
 */
public record AtomFeed(String id, String title, Instant updated, String self, String alternate, List<Entry> entries) {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	/** An entry of the feed. */
	public record Entry(String id, String title, Instant published, Instant updated, String link, String summary) {

	}

	public static AtomFeed parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Element feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
		if (!ATOM.equals(feed.getNamespaceURI()) || !"feed".equals(feed.getLocalName())) {
			throw new IllegalArgumentException("not an Atom feed: " + feed.getTagName());
		}
		List<Entry> entries = new ArrayList<>();
		NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element entry = (Element) nodes.item(i);
			String published = child(entry, "published", false);
			entries.add(new Entry(child(entry, "id", true), child(entry, "title", true),
					(published != null) ? Instant.parse(published) : null, Instant.parse(child(entry, "updated", true)),
					link(entry, "alternate"), child(entry, "summary", false)));
		}
		return new AtomFeed(child(feed, "id", true), child(feed, "title", true),
				Instant.parse(child(feed, "updated", true)), link(feed, "self"), link(feed, "alternate"), entries);
	}

	private static String child(Element parent, String name, boolean required) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && ATOM.equals(element.getNamespaceURI())
					&& name.equals(element.getLocalName())) {
				return element.getTextContent();
			}
		}
		if (required) {
			throw new IllegalArgumentException("no " + name + " in " + parent.getLocalName());
		}
		return null;
	}

	private static String link(Element parent, String rel) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && ATOM.equals(element.getNamespaceURI())
					&& "link".equals(element.getLocalName()) && rel.equals(element.getAttribute("rel"))) {
				return element.getAttribute("href");
			}
		}
		throw new IllegalArgumentException("no link " + rel + " in " + parent.getLocalName());
	}

	public List<String> links() {
		return this.entries.stream().map(Entry::link).toList();
	}

}
