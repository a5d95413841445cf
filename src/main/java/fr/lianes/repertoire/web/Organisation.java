package fr.lianes.repertoire.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who publishes the directory, as the legal notice, the privacy notice and the
 * accessibility statement name it ({@code repertoire.organisation.*}).
 *
 * @param name the publisher, controller of the personal data
 * @param address its postal address
 * @param email the address for the rights over personal data, accessibility and any
 * question; the staff are told of erasures there
 * @param phone its phone number, or empty
 * @param publicationDirector the director of publication (a person or a role)
 * @param hostName the company hosting the site
 * @param hostAddress its postal address
 * @param hostPhone its phone number
 */
@ConfigurationProperties("repertoire.organisation")
public record Organisation(@DefaultValue("Lianes coopération") String name,
		@DefaultValue("5 rue Jules de Vicq, 59000 Lille") String address,
		@DefaultValue("contact@lianescooperation.org") String email, @DefaultValue("") String phone,
		@DefaultValue("la présidence de Lianes coopération") String publicationDirector,
		@DefaultValue("Lianes coopération") String hostName,
		@DefaultValue("5 rue Jules de Vicq, 59000 Lille") String hostAddress, @DefaultValue("") String hostPhone) {

	/** The values the legal pages' messages refer to as {0} to {7}. */
	public Object[] messageArguments() {
		return new Object[] { this.name, this.address, this.email, this.phone, this.publicationDirector, this.hostName,
				this.hostAddress, this.hostPhone };
	}

}
