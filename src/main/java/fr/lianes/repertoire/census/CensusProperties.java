package fr.lianes.repertoire.census;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the census questionnaire ({@code repertoire.census.*}).
 *
 * @param baseUrl the public address of the site, for the links in emails
 * @param noticeVersion the version of the privacy notice people consent under
 * @param draftValidity how long a browser keeps its draft (cookie) and a resume link
 * lasts
 * @param updateLinkValidity how long an "update my entry" link lasts
 * @param minimumFillTime below this, a questionnaire sent is a robot's
 * @param minimumStartTime below this, a start form sent back is a robot's
 * @param startsPerHour questionnaires one IP address may start per hour
 * @param linksPerHour links one email address may ask for per hour
 * @param linkRequestsPerHour link requests one IP address may make per hour
 * @param submissionsPerHour questionnaires one IP address may send per hour
 */
@ConfigurationProperties("repertoire.census")
record CensusProperties(String baseUrl, String noticeVersion, Duration draftValidity, Duration updateLinkValidity,
		Duration minimumFillTime, Duration minimumStartTime, int startsPerHour, int linksPerHour,
		int linkRequestsPerHour, int submissionsPerHour) {

	CensusProperties {
		baseUrl = (baseUrl != null) ? baseUrl.replaceAll("/+$", "") : "http://localhost:8080";
		noticeVersion = (noticeVersion != null) ? noticeVersion : "2026-11";
		draftValidity = (draftValidity != null) ? draftValidity : Duration.ofDays(30);
		updateLinkValidity = (updateLinkValidity != null) ? updateLinkValidity : Duration.ofDays(7);
		minimumFillTime = (minimumFillTime != null) ? minimumFillTime : Duration.ofSeconds(20);
		minimumStartTime = (minimumStartTime != null) ? minimumStartTime : Duration.ofSeconds(2);
		startsPerHour = (startsPerHour > 0) ? startsPerHour : 20;
		linksPerHour = (linksPerHour > 0) ? linksPerHour : 3;
		linkRequestsPerHour = (linkRequestsPerHour > 0) ? linkRequestsPerHour : 10;
		submissionsPerHour = (submissionsPerHour > 0) ? submissionsPerHour : 10;
	}

}
