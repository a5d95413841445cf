package fr.lianes.repertoire.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the open data: downloads, API, feeds, widget.
 *
 * @param siteUrl the public address of the site (no trailing slash), for the links
 * written into files, feeds, the sitemap and canonical URLs
 * @param apiRequestsPerMinute API requests one IP address may make per minute (a burst of
 * as many, then refilled evenly)
 * @param concurrentDownloads whole-list downloads served at once; more get a 503 with
 * {@code Retry-After}
 */
@ConfigurationProperties("repertoire.exchange")
public record ExchangeProperties(@DefaultValue("http://localhost:8080") String siteUrl,
		@DefaultValue("300") int apiRequestsPerMinute, @DefaultValue("4") int concurrentDownloads) {

	public ExchangeProperties {
		siteUrl = siteUrl.replaceAll("/+$", "");
		apiRequestsPerMinute = Math.max(1, apiRequestsPerMinute);
		concurrentDownloads = Math.max(1, concurrentDownloads);
	}

}
