package fr.lianes.repertoire.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo directory loaded into an empty database.
 *
 * @param loadOnEmpty whether the demo directory is generated at startup when there is no
 * actor yet
 * @param scale how many times the real directory (1,951 actors, 1,939 projects) to
 * generate
 * @param seed seed of the generator: the same scale and seed always give the same rows
 */
@ConfigurationProperties("repertoire.demo")
public record DemoProperties(@DefaultValue("true") boolean loadOnEmpty, @DefaultValue("1") int scale,
		@DefaultValue("2006") long seed) {

}
