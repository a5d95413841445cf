package fr.lianes.repertoire.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A public project as the API and the JSON download give it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Un projet public du répertoire")
record ApiProject(String slug, String url, String title, ActorLink lead, List<ActorLink> otherActors,
		@Schema(description = "COOPERATION, DECENTRALISED_COOPERATION ou DEVELOPMENT_EDUCATION") String kind,
		String nature, @Schema(description = "prevu, en-cours ou termine") String status, String description,
		String beneficiaries, List<String> localities, List<String> funders, Integer startYear, Integer endYear,
		BigDecimal budgetEur, Agreement agreement, List<ApiActor.Code> countries, List<Domain> domains,
		List<Partner> partners, Instant createdAt, Instant updatedAt) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ActorLink(String slug, String name, String url) {

	}

	/** A decentralised-cooperation agreement's terms. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Agreement(String partnerAuthority, LocalDate signatureDate, Integer durationYears, List<String> axes) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Domain(String code, String name, String parent,
			@Schema(description = "Codes secteurs CAD de l'OCDE (5 chiffres)") List<String> dacCodes) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Partner(String name, String city, String country) {

	}

}
