package fr.lianes.repertoire.campaign;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the census campaigns ({@code repertoire.campaign.*}).
 *
 * @param batchSize actors dealt with per transaction when a mailing runs (their mails are
 * queued in the same transaction)
 * @param refreshInterval how often the campaign page refreshes its progress, when
 * JavaScript is on
 */
@ConfigurationProperties("repertoire.campaign")
record CampaignProperties(@DefaultValue("200") int batchSize, @DefaultValue("2s") Duration refreshInterval) {

	CampaignProperties {
		batchSize = Math.max(1, Math.min(batchSize, 1000));
	}

}
