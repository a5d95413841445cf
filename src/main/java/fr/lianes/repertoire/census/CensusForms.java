package fr.lianes.repertoire.census;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.directory.ProjectStatus;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.NetworkRef;
import fr.lianes.repertoire.reference.Networks;
import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.stereotype.Component;

/**
 * The choices the questionnaire's pages offer, and the campaign they show, as the
 * attributes a controller puts in its page's model.
 */
@Component
class CensusForms {

	private final ReferenceData reference;

	private final Networks networks;

	private final Campaigns campaigns;

	CensusForms(ReferenceData reference, Networks networks, Campaigns campaigns) {
		this.reference = reference;
		this.networks = networks;
		this.campaigns = campaigns;
	}

	/** The current campaign and whether it is open, none when there is no campaign. */
	Map<String, Object> campaign() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		this.campaigns.current().ifPresent((campaign) -> {
			attributes.put("campaign", campaign);
			attributes.put("campaignOpen", campaign.open());
		});
		return attributes;
	}

	Map<String, Object> structureChoices() {
		Map<String, Object> attributes = campaign();
		attributes.put("actorTypes", this.reference.actorTypes());
		attributes.put("networkOptions", this.networks.all());
		return attributes;
	}

	Map<String, Object> projectChoices() {
		Map<String, Object> attributes = campaign();
		attributes.put("kinds", ProjectKind.values());
		attributes.put("natures", ProjectNature.values());
		attributes.put("statuses", ProjectStatus.values());
		attributes.put("countriesByContinent", countriesByContinent());
		attributes.put("countries", this.reference.countries());
		attributes.put("domainGroups", domainGroups());
		return attributes;
	}

	/**
	 * The persons saved, then as many blank blocks as asked, each with its key already.
	 */
	Map<String, Object> contactRows(List<ContactAnswers> contacts, int blanks) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		List<ContactAnswers> rows = new java.util.ArrayList<>(contacts);
		for (int i = 0; i < blanks; i++) {
			rows.add(new ContactAnswers(DirectoryEntries.newKey(), null, null, null, null, false, false, false));
		}
		attributes.put("contactRows", rows);
		attributes.put("savedContacts", contacts.size());
		return attributes;
	}

	/**
	 * The project's partners and blank rows to add more: one when there is none, plus
	 * those asked for.
	 */
	Map<String, Object> partnerRows(ProjectAnswers project, int moreRows) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		List<PartnerAnswers> rows = new java.util.ArrayList<>(project.partners());
		int blanks = (rows.isEmpty() ? 1 : 0) + moreRows;
		for (int i = 0; i < blanks; i++) {
			rows.add(new PartnerAnswers(null, null, null));
		}
		attributes.put("partnerRows", rows);
		return attributes;
	}

	/** Everything the review page names: types, countries and domains by their codes. */
	Map<String, Object> labels() {
		Map<String, Object> attributes = campaign();
		attributes.put("typeNames",
				this.reference.actorTypes().stream().collect(Collectors.toMap((t) -> t.code(), (t) -> t.name())));
		attributes.put("countryNames",
				this.reference.countries().stream().collect(Collectors.toMap(CountryRef::iso2, CountryRef::name)));
		attributes.put("domainNames",
				this.reference.domains().stream().collect(Collectors.toMap(DomainRef::slug, DomainRef::name)));
		attributes.put("networkNames",
				this.networks.all().stream().collect(Collectors.toMap(NetworkRef::slug, NetworkRef::name)));
		return attributes;
	}

	private Map<String, List<CountryRef>> countriesByContinent() {
		return this.reference.countries()
			.stream()
			.collect(Collectors.groupingBy(CountryRef::continent, java.util.TreeMap::new, Collectors.toList()));
	}

	/** Each domain with its sub-domains. */
	private Map<DomainRef, List<DomainRef>> domainGroups() {
		Map<DomainRef, List<DomainRef>> groups = new LinkedHashMap<>();
		for (DomainRef domain : this.reference.topLevelDomains()) {
			groups.put(domain, this.reference.subDomains(domain.id()));
		}
		return groups;
	}

}
