package fr.lianes.repertoire.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the public pages.
 *
 * @param pageSize rows per page on the lists, bounded to 100
 * @param maxFormSize the largest form body accepted (larger ones get a 413 page)
 */
@ConfigurationProperties("repertoire.web")
public record WebProperties(@DefaultValue("20") int pageSize, DataSize maxFormSize) {

	public WebProperties {
		pageSize = Math.max(1, Math.min(pageSize, 100));
		maxFormSize = (maxFormSize != null) ? maxFormSize : RequestBodyLimitFilter.defaultMaxFormSize();
	}

}
