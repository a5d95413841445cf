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

	/**
	 * What a project's page offers; the countries it names already come first, as
	 * {@code chosenCountries}, and are left out of the lists by continent.
	 */
	Map<String, Object> projectChoices(ProjectAnswers project) {
		Map<String, Object> attributes = campaign();
		attributes.put("kinds", ProjectKind.values());
		attributes.put("natures", ProjectNature.values());
		attributes.put("statuses", ProjectStatus.values());
		List<CountryChoice> chosen = chosenCountries(project.countries());
		attributes.put("chosenCountries", chosen);
		attributes.put("countriesByContinent",
				countriesByContinent(chosen.stream().map(CountryChoice::value).collect(Collectors.toSet())));
		attributes.put("countries", this.reference.countries());
		attributes.put("domainGroups", domainGroups(project.domains()));
		return attributes;
	}

	/**
	 * The persons saved, then as many blank blocks as asked, each with its key already.
	 */
	Map<String, Object> contactRows(List<ContactAnswers> contacts, int blanks) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		List<ContactAnswers> rows = new java.util.ArrayList<>(contacts);
		for (int i = 0; i < blanks; i++) {
			rows.add(new ContactAnswers(EntryAnswers.newKey(), null, null, null, null, false, false, false));
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
		attributes.put("partnerRowsAdded", moreRows > 0);
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

	/**
	 * The countries typed, once each and in their order: a known one by its code and
	 * name, another as it was sent (its error says to remove it).
	 */
	private List<CountryChoice> chosenCountries(List<String> typed) {
		Map<String, CountryChoice> chosen = new LinkedHashMap<>();
		for (String code : typed) {
			if (code == null || code.isBlank()) {
				continue;
			}
			CountryChoice choice = this.reference.country(code)
				.map((c) -> new CountryChoice(c.iso2(), c.name()))
				.orElse(new CountryChoice(code, code));
			chosen.putIfAbsent(choice.value(), choice);
		}
		return List.copyOf(chosen.values());
	}

	private Map<String, List<CountryRef>> countriesByContinent(java.util.Set<String> leftOut) {
		return this.reference.countries()
			.stream()
			.filter((c) -> !leftOut.contains(c.iso2()))
			.collect(Collectors.groupingBy(CountryRef::continent, java.util.TreeMap::new, Collectors.toList()));
	}

	/** A country a project names: the value its checkbox sends, and its name. */
	record CountryChoice(String value, String name) {
	}

	/**
	 * A domain with its sub-domains, and whether one of these is chosen (its fold is then
	 * open).
	 */
	record DomainGroup(DomainRef domain, List<DomainRef> subDomains, boolean subDomainChosen) {
	}

	/** Each domain with its sub-domains. */
	private List<DomainGroup> domainGroups(List<String> chosen) {
		List<DomainGroup> groups = new java.util.ArrayList<>();
		for (DomainRef domain : this.reference.topLevelDomains()) {
			List<DomainRef> subDomains = this.reference.subDomains(domain.id());
			groups.add(new DomainGroup(domain, subDomains,
					subDomains.stream().anyMatch((d) -> chosen.contains(d.slug()))));
		}
		return groups;
	}

}
