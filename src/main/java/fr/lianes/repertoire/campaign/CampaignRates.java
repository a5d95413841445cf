package fr.lianes.repertoire.campaign;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import fr.lianes.repertoire.census.Campaign;
import fr.lianes.repertoire.census.Campaigns;
import fr.lianes.repertoire.census.Responses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The census campaigns' response rates: how many actors each campaign invited, and how
 * many of them responded (the census module says who responded).
 */
@Repository
class CampaignRates {

	/**
	 * A campaign's figures.
	 *
	 * @param invited actors invited (mail queued)
	 * @param responded invited actors that responded
	 * @param responses all responses for the campaign, from invited actors or not (new
	 * actors included)
	 * @param rate responded over invited
	 */
	record Rates(Campaign campaign, long invited, long responded, long responses, Double rate) {

		/** The rate is responded over invited, {@code null} before anyone is invited. */
		Rates(Campaign campaign, long invited, long responded, long responses) {
			this(campaign, invited, responded, responses, (invited == 0) ? null : (double) responded / invited);
		}

	}

	private final Campaigns campaigns;

	private final Responses responses;

	private final JdbcClient jdbc;

	CampaignRates(Campaigns campaigns, Responses responses, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.responses = responses;
		this.jdbc = jdbc;
	}

	/** Every campaign with its rates, the latest opening first. */
	@Transactional(readOnly = true)
	List<Rates> all() {
		return this.campaigns.all().stream().map(this::rates).toList();
	}

	@Transactional(readOnly = true)
	Optional<Rates> rates(int id) {
		return this.campaigns.find(id).map(this::rates);
	}

	private Rates rates(Campaign campaign) {
		Long[] respondents = Arrays.stream(this.responses.respondents(campaign.id())).boxed().toArray(Long[]::new);
		long responses = this.responses.count(campaign.id());
		return this.jdbc.sql("""
				select count(*), count(*) filter (where actor_id = any(?)) from campaign_recipient
				where campaign_id = ? and kind = 'INVITATION' and outcome = 'QUEUED'""")
			.params(respondents, campaign.id())
			.query((rs, i) -> new Rates(campaign, rs.getLong(1), rs.getLong(2), responses))
			.single();
	}

}
