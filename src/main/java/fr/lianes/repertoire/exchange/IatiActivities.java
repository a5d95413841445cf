package fr.lianes.repertoire.exchange;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import fr.lianes.repertoire.directory.ProjectStatus;
import fr.lianes.repertoire.directory.PublicProject;

/**
 * The public projects as an IATI 2.03 activity file, written as they are read. The
 * network reports them; the lead actor and the other regional actors implement them (role
 * 4) with their IATI organisation type and, where they have one, an identifier from their
 * SIREN or RNA number; partners abroad implement them too; funders fund them (role 1).
 * Sectors are the OECD DAC 5-digit codes of the project's domains (vocabulary 1),
 * recipient countries its countries, shares split evenly.
 */
final class IatiActivities {

	/** org-id.guide list of the French company register (SIREN). */
	static final String SIREN_PREFIX = "FR-SIRENE-";

	/** org-id.guide list of the register of associations (RNA). */
	static final String RNA_PREFIX = "FR-RNA-";

	/** IATI OrganisationRole: funding, implementing. */
	static final String FUNDING = "1";

	static final String IMPLEMENTING = "4";

	/** IATI ActivityDateType. */
	static final String PLANNED_START = "1";

	static final String ACTUAL_START = "2";

	static final String PLANNED_END = "3";

	static final String ACTUAL_END = "4";

	/** IATI SectorVocabulary: OECD DAC CRS purpose codes, 5 digits. */
	static final String DAC_5 = "1";

	private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

	private final XMLStreamWriter xml;

	private final IatiSettings settings;

	private final ApiResources resources;

	record IatiSettings(String reportingOrgRef, String reportingOrgType, String reportingOrgName) {

	}

	private IatiActivities(XMLStreamWriter xml, IatiSettings settings, ApiResources resources) {
		this.xml = xml;
		this.settings = settings;
		this.resources = resources;
	}

	/** Writes the file: the header, each project given to {@code write}, the end. */
	static void write(OutputStream out, IatiSettings settings, ApiResources resources, Clock clock,
			java.util.function.Consumer<java.util.function.Consumer<PublicProject>> projects) {
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("iati-activities");
			xml.writeAttribute("version", "2.03");
			xml.writeAttribute("generated-datetime", DateTimeFormatter.ISO_OFFSET_DATE_TIME
				.format(clock.instant().atOffset(ZoneOffset.UTC).withNano(0)));
			IatiActivities activities = new IatiActivities(xml, settings, resources);
			projects.accept(activities::activity);
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The organisation identifier of a French organisation, if it has one. */
	static String organisationRef(String sirenSiret, String rna) {
		if (sirenSiret != null && sirenSiret.length() >= 9) {
			return SIREN_PREFIX + sirenSiret.substring(0, 9);
		}
		if (rna != null) {
			return RNA_PREFIX + rna;
		}
		return null;
	}

	private void activity(PublicProject project) {
		try {
			this.xml.writeStartElement("iati-activity");
			this.xml.writeAttribute("xml", XML_NS, "lang", "fr");
			this.xml.writeAttribute("default-currency", "EUR");
			if (project.updatedAt() != null) {
				this.xml.writeAttribute("last-updated-datetime", DateTimeFormatter.ISO_OFFSET_DATE_TIME
					.format(project.updatedAt().atOffset(ZoneOffset.UTC).withNano(0)));
			}
			element("iati-identifier", this.settings.reportingOrgRef() + "-" + project.slug());
			this.xml.writeStartElement("reporting-org");
			this.xml.writeAttribute("ref", this.settings.reportingOrgRef());
			this.xml.writeAttribute("type", this.settings.reportingOrgType());
			narrative(this.settings.reportingOrgName());
			this.xml.writeEndElement();
			this.xml.writeStartElement("title");
			narrative(project.title());
			this.xml.writeEndElement();
			this.xml.writeStartElement("description");
			this.xml.writeAttribute("type", "1");
			narrative((project.description() != null) ? project.description() : project.title());
			this.xml.writeEndElement();
			PublicProject.Lead lead = project.lead();
			participant(IMPLEMENTING, organisationRef(lead.sirenSiret(), lead.rna()), lead.iatiOrganisationType(),
					lead.name());
			for (var other : project.otherActors()) {
				participant(IMPLEMENTING, null, null, other.name());
			}
			for (var partner : project.partners()) {
				participant(IMPLEMENTING, null, null, partner.name());
			}
			for (String funder : project.funders()) {
				participant(FUNDING, null, null, funder);
			}
			this.xml.writeEmptyElement("activity-status");
			this.xml.writeAttribute("code", status(project.status()));
			dates(project);
			List<String> countries = project.countries();
			List<String> shares = shares(countries.size());
			for (int i = 0; i < countries.size(); i++) {
				this.xml.writeStartElement("recipient-country");
				this.xml.writeAttribute("code", countries.get(i));
				if (countries.size() > 1) {
					this.xml.writeAttribute("percentage", shares.get(i));
				}
				narrative(this.resources.countryName(countries.get(i)));
				this.xml.writeEndElement();
			}
			Set<String> sectors = new LinkedHashSet<>();
			project.domains().forEach((d) -> sectors.addAll(d.dacCodes()));
			List<String> sectorShares = shares(sectors.size());
			int i = 0;
			for (String code : sectors) {
				this.xml.writeEmptyElement("sector");
				this.xml.writeAttribute("vocabulary", DAC_5);
				this.xml.writeAttribute("code", code);
				if (sectors.size() > 1) {
					this.xml.writeAttribute("percentage", sectorShares.get(i));
				}
				i++;
			}
			this.xml.writeEndElement();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void participant(String role, String ref, String type, String name) throws XMLStreamException {
		this.xml.writeStartElement("participating-org");
		if (ref != null) {
			this.xml.writeAttribute("ref", ref);
		}
		if (type != null) {
			this.xml.writeAttribute("type", type);
		}
		this.xml.writeAttribute("role", role);
		narrative(name);
		this.xml.writeEndElement();
	}

	/** Start and end as years (the 1st of January, the 31st of December). */
	private void dates(PublicProject project) throws XMLStreamException {
		boolean planned = project.status() == ProjectStatus.PLANNED;
		LocalDate start = (project.startYear() != null) ? LocalDate.of(project.startYear(), 1, 1)
				: project.signatureDate();
		if (start == null) {
			// no start known: the day it entered the directory, as planned
			start = LocalDate.ofInstant(project.createdAt(), ZoneId.of("Europe/Paris"));
			planned = true;
		}
		date(planned ? PLANNED_START : ACTUAL_START, start);
		if (project.endYear() != null) {
			date((project.status() == ProjectStatus.COMPLETED) ? ACTUAL_END : PLANNED_END,
					LocalDate.of(project.endYear(), 12, 31));
		}
	}

	private void date(String type, LocalDate date) throws XMLStreamException {
		this.xml.writeEmptyElement("activity-date");
		this.xml.writeAttribute("type", type);
		this.xml.writeAttribute("iso-date", date.toString());
	}

	/** IATI ActivityStatus: identification, implementation, closed. */
	static String status(ProjectStatus status) {
		return switch (status) {
			case PLANNED -> "1";
			case ONGOING -> "2";
			case COMPLETED -> "4";
		};
	}

	/** Even shares of 100 with two decimals, adding up to exactly 100. */
	static List<String> shares(int count) {
		List<String> shares = new ArrayList<>();
		if (count == 0) {
			return shares;
		}
		BigDecimal each = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
		BigDecimal rest = BigDecimal.valueOf(100).subtract(each.multiply(BigDecimal.valueOf(count)));
		for (int i = 0; i < count; i++) {
			shares.add(((i == 0) ? each.add(rest) : each).stripTrailingZeros().toPlainString());
		}
		return shares;
	}

	private void element(String name, String text) throws XMLStreamException {
		this.xml.writeStartElement(name);
		this.xml.writeCharacters(text);
		this.xml.writeEndElement();
	}

	private void narrative(String text) throws XMLStreamException {
		this.xml.writeStartElement("narrative");
		this.xml.writeCharacters(text);
		this.xml.writeEndElement();
	}

}
