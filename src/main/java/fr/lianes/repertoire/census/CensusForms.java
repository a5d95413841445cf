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
import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The choices the questionnaire's pages offer, and the campaign they show. */
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

	void campaign(Model model) {
		this.campaigns.current().ifPresent((campaign) -> {
			model.addAttribute("campaign", campaign);
			model.addAttribute("campaignOpen", campaign.open());
		});
	}

	void structureChoices(Model model) {
		campaign(model);
		model.addAttribute("actorTypes", this.reference.actorTypes());
		model.addAttribute("networkOptions", this.networks.all());
	}

	void projectChoices(Model model) {
		campaign(model);
		model.addAttribute("kinds", ProjectKind.values());
		model.addAttribute("natures", ProjectNature.values());
		model.addAttribute("statuses", ProjectStatus.values());
		model.addAttribute("countriesByContinent", countriesByContinent());
		model.addAttribute("countries", this.reference.countries());
		model.addAttribute("domainGroups", domainGroups());
	}

	/**
	 * The persons saved, then as many blank blocks as asked, each with its key already.
	 */
	void contactRows(Model model, List<ContactAnswers> contacts, int blanks) {
		List<ContactAnswers> rows = new java.util.ArrayList<>(contacts);
		for (int i = 0; i < blanks; i++) {
			rows.add(new ContactAnswers(DirectoryEntries.newKey(), null, null, null, null, false, false, false));
		}
		model.addAttribute("contactRows", rows);
		model.addAttribute("savedContacts", contacts.size());
	}

	/**
	 * The project's partners and blank rows to add more: one when there is none, plus
	 * those asked for.
	 */
	void partnerRows(Model model, ProjectAnswers project, int moreRows) {
		List<PartnerAnswers> rows = new java.util.ArrayList<>(project.partners());
		int blanks = (rows.isEmpty() ? 1 : 0) + moreRows;
		for (int i = 0; i < blanks; i++) {
			rows.add(new PartnerAnswers(null, null, null));
		}
		model.addAttribute("partnerRows", rows);
	}

	/** Everything the review page names: types, countries and domains by their codes. */
	void labels(Model model) {
		campaign(model);
		model.addAttribute("typeNames",
				this.reference.actorTypes().stream().collect(Collectors.toMap((t) -> t.code(), (t) -> t.name())));
		model.addAttribute("countryNames",
				this.reference.countries().stream().collect(Collectors.toMap(CountryRef::iso2, CountryRef::name)));
		model.addAttribute("domainNames",
				this.reference.domains().stream().collect(Collectors.toMap(DomainRef::slug, DomainRef::name)));
		model.addAttribute("networkNames",
				this.networks.all().stream().collect(Collectors.toMap(Networks.Option::slug, Networks.Option::name)));
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
