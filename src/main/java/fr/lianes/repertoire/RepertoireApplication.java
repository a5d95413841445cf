package fr.lianes.repertoire;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Répertoire: the directory of the international-cooperation actors of Hauts-de-France.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RepertoireApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context;
		try {
			context = SpringApplication.run(RepertoireApplication.class, args);
		}
		catch (SpringApplication.AbandonedRunException ex) {
			// stopped while starting (the search index being rebuilt): the shutdown said
			// so
			return;
		}
		// Without a web server, a run is a batch (generate a large demo directory,
		// rebuild the
		// index): once ready, stop, or the search engine's threads would keep the JVM
		// alive.
		if (!(context instanceof WebServerApplicationContext)) {
			context.close();
		}
	}

}
