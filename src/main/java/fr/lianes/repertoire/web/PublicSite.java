package fr.lianes.repertoire.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public address of the site ({@code repertoire.exchange.site-url}, no trailing
 * slash), for what is read away from it: canonical URLs, schema.org data, downloaded
 * files, the API's links, feeds, the sitemap and the widget's snippet.
 */
@Component
public class PublicSite {

	private final String url;

	PublicSite(@Value("${repertoire.exchange.site-url:http://localhost:8080}") String url) {
		this.url = url.strip().replaceAll("/+$", "");
	}

	/** The address of the site, e.g. {@code https://repertoire.lianescooperation.org}. */
	public String url() {
		return this.url;
	}

	/** The absolute address of a path of the site ({@code /acteurs/x}). */
	public String of(String path) {
		return this.url + path;
	}

}
