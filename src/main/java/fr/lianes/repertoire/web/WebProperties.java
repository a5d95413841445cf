package fr.lianes.repertoire.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public pages.
 *
 * @param pageSize rows per page on the lists, bounded to 100
 */
@ConfigurationProperties("repertoire.web")
public record WebProperties(@DefaultValue("20") int pageSize) {

	public WebProperties {
		pageSize = Math.max(1, Math.min(pageSize, 100));
	}

}
