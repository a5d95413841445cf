package fr.lianes.repertoire;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Répertoire: the directory of the international-cooperation actors of Hauts-de-France.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RepertoireApplication {

	public static void main(String[] args) {
		SpringApplication.run(RepertoireApplication.class, args);
	}

}
