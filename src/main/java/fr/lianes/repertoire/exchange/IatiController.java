package fr.lianes.repertoire.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;

import fr.lianes.repertoire.directory.ListCriteria;
import fr.lianes.repertoire.directory.PublicListings;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public projects as an IATI 2.03 activity file, filtered by the parameters of
 * {@code /projets}, written one slice at a time.
 */
@Controller
class IatiController {

	private final PublicListings listings;

	private final PublicStreams streams;

	private final ApiResources resources;

	private final IatiActivities.IatiSettings iati;

	private final Clock clock;

	IatiController(PublicListings listings, PublicStreams streams, ApiResources resources,
			@Value("${repertoire.exchange.iati.reporting-org-ref}") String reportingOrgRef,
			@Value("${repertoire.exchange.iati.reporting-org-type}") String reportingOrgType,
			@Value("${repertoire.exchange.iati.reporting-org-name}") String reportingOrgName, Clock clock) {
		this.listings = listings;
		this.streams = streams;
		this.resources = resources;
		this.iati = new IatiActivities.IatiSettings(reportingOrgRef, reportingOrgType, reportingOrgName);
		this.clock = clock;
	}

	@GetMapping("/donnees/iati/activites.xml")
	void activities(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response)
			throws IOException {
		ListCriteria criteria = this.listings.projectCriteria(params);
		response.setContentType("application/xml;charset=UTF-8");
		OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
		IatiActivities.write(out, this.iati, this.resources, this.clock,
				(each) -> this.streams.publicProjects(criteria, each));
		out.flush();
	}

}
