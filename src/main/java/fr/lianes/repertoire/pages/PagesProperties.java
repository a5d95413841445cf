package fr.lianes.repertoire.pages;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the public pages' cache.
 *
 * @param cacheSize the rendered pages kept in memory, in bytes of HTML; 0 keeps none (the
 * pages still get their {@code ETag} and {@code 304})
 * @param maxAge how long a browser or a proxy may reuse a public page without asking
 */
@ConfigurationProperties("repertoire.pages")
record PagesProperties(@DefaultValue("32MB") DataSize cacheSize, @DefaultValue("60s") Duration maxAge) {

}
