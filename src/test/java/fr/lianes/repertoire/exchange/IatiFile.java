package fr.lianes.repertoire.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Checks an IATI activity file as the IATI validator would: its structure against the
 * 2.03 schemas, and every code it uses against the IATI code lists (copies of
 * {@code shared/reference/iati} in the test resources; the schemas are read from files,
 * never from the network).
 */
public final class IatiFile {

	private final Document document;

	private IatiFile(Document document) {
		this.document = document;
	}

	public static IatiFile parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return new IatiFile(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
	}

	/** What the IATI 2.03 activity schema finds wrong in this file: nothing if valid. */
	public static List<String> schemaErrors(byte[] xml) throws Exception {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		// the schema and its imports from files only: no request to the network
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		URL schema = IatiFile.class.getResource("/iati/schema/iati-activities-schema.xsd");
		Validator validator = factory.newSchema(schema).newValidator();
		List<String> errors = new ArrayList<>();
		validator.setErrorHandler(new ErrorHandler() {

			@Override
			public void warning(SAXParseException ex) {
			}

			@Override
			public void error(SAXParseException ex) {
				errors.add(ex.getLineNumber() + ":" + ex.getColumnNumber() + " " + ex.getMessage());
			}

			@Override
			public void fatalError(SAXParseException ex) {
				error(ex);
			}

		});
		validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
		return errors;
	}

	/** The codes of an IATI code list ({@code Sector}, {@code ActivityStatus}...). */
	public static Set<String> codeList(String name) throws Exception {
		try (InputStream in = IatiFile.class.getResourceAsStream("/iati/" + name + ".xml")) {
			if (in == null) {
				throw new IOException("no code list " + name);
			}
			Document list = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
			Set<String> codes = new LinkedHashSet<>();
			NodeList items = list.getElementsByTagName("codelist-item");
			for (int i = 0; i < items.getLength(); i++) {
				codes.add(((Element) items.item(i)).getElementsByTagName("code").item(0).getTextContent().trim());
			}
			return codes;
		}
	}

	/**
	 * Every code this file uses that its code list does not hold, by list: nothing if all
	 * are known. Checks sectors (DAC 5 digits), sector vocabularies, organisation types
	 * and roles, activity statuses and date types.
	 */
	public Map<String, Set<String>> unknownCodes() throws Exception {
		Map<String, Set<String>> unknown = new TreeMap<>();
		check(unknown, "sector", "code", "Sector");
		check(unknown, "sector", "vocabulary", "SectorVocabulary");
		check(unknown, "participating-org", "type", "OrganisationType");
		check(unknown, "reporting-org", "type", "OrganisationType");
		check(unknown, "participating-org", "role", "OrganisationRole");
		check(unknown, "activity-status", "code", "ActivityStatus");
		check(unknown, "activity-date", "type", "ActivityDateType");
		return unknown;
	}

	private void check(Map<String, Set<String>> unknown, String element, String attribute, String list)
			throws Exception {
		Set<String> codes = codeList(list);
		for (String value : values(element, attribute)) {
			if (!codes.contains(value)) {
				unknown.computeIfAbsent(list, (l) -> new LinkedHashSet<>()).add(value);
			}
		}
	}

	/**
	 * The values of this attribute on every such element, in order; absent ones left out.
	 */
	public List<String> values(String element, String attribute) {
		List<String> values = new ArrayList<>();
		NodeList nodes = this.document.getElementsByTagName(element);
		for (int i = 0; i < nodes.getLength(); i++) {
			Element node = (Element) nodes.item(i);
			if (node.hasAttribute(attribute)) {
				values.add(node.getAttribute(attribute));
			}
		}
		return values;
	}

	/** The activities of the file. */
	public List<Element> activities() {
		List<Element> activities = new ArrayList<>();
		NodeList nodes = this.document.getElementsByTagName("iati-activity");
		for (int i = 0; i < nodes.getLength(); i++) {
			activities.add((Element) nodes.item(i));
		}
		return activities;
	}

	public Element root() {
		return this.document.getDocumentElement();
	}

	/**
	 * The elements of this name inside an activity, each as "attr=value,... narrative".
	 */
	public static List<String> describe(Element activity, String element) {
		List<String> described = new ArrayList<>();
		NodeList nodes = activity.getElementsByTagName(element);
		for (int i = 0; i < nodes.getLength(); i++) {
			Element node = (Element) nodes.item(i);
			StringBuilder text = new StringBuilder();
			for (int a = 0; a < node.getAttributes().getLength(); a++) {
				var attribute = node.getAttributes().item(a);
				if (a > 0) {
					text.append(',');
				}
				text.append(attribute.getNodeName()).append('=').append(attribute.getNodeValue());
			}
			NodeList narratives = node.getElementsByTagName("narrative");
			if (narratives.getLength() > 0) {
				text.append(' ').append(narratives.item(0).getTextContent());
			}
			else if (node.getAttributes().getLength() == 0) {
				text.append(node.getTextContent());
			}
			described.add(text.toString());
		}
		return described;
	}

}
