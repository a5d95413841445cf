package fr.lianes.repertoire.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the open data: downloads, API, feeds, widget. The site's public address,
 * {@code repertoire.exchange.site-url}, is read by {@code web.PublicSite}.
 *
 * @param apiRequestsPerMinute API requests one IP address may make per minute (a burst of
 * as many, then refilled evenly)
 * @param concurrentDownloads whole-list downloads served at once; more get a 503 with
 * {@code Retry-After}
 * @param downloadChunk entries of a whole-list output (downloads, IATI) whose order is
 * found in one pass over the index and read by one query: what memory holds of the list
 * at a time
 * @param downloadPass entries of a whole-list output whose order one pass over the index
 * finds, then handed over {@code downloadChunk} at a time: a pass visits every entry of
 * the list, whatever the number it keeps, so the fewer passes the better; memory holds
 * the identifiers of a pass (8 bytes each) and, while it runs, their sort values
 * @param downloadReads chunks of one whole-list download read from the database at once,
 * each by a connection of its own: memory holds that many chunks' entries
 */
@ConfigurationProperties("repertoire.exchange")
public record ExchangeProperties(@DefaultValue("300") int apiRequestsPerMinute,
		@DefaultValue("4") int concurrentDownloads, @DefaultValue("5000") int downloadChunk,
		@DefaultValue("50000") int downloadPass, @DefaultValue("2") int downloadReads) {

	public ExchangeProperties {
		apiRequestsPerMinute = Math.max(1, apiRequestsPerMinute);
		concurrentDownloads = Math.max(1, concurrentDownloads);
		downloadChunk = Math.max(1, downloadChunk);
		downloadPass = Math.max(downloadChunk, downloadPass);
		downloadReads = Math.max(1, downloadReads);
	}

}
