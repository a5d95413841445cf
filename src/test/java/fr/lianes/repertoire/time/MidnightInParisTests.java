package fr.lianes.repertoire.time;

import java.time.Instant;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A census campaign opens and closes at midnight in Paris, and the questionnaire, the key
 * figures and the campaign's page say so at the same moment, whatever the zone of the
 * server or of the database: at 23:30 UTC it is already the next day in Paris (00:30 in
 * winter, 01:30 in summer), on New Year's Eve and on the daylight-saving days (the last
 * Sundays of March and October).
 */
@SpringBootTest
@AutoConfigureMockMvc
class MidnightInParisTests {

	private static final String BASE = "/moderation/administration/campagnes";

	private static final String CLOSED = "La campagne est close";

	private static final String NOT_OPEN = "ne partent que pendant la campagne en cours";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	private final TestClock clock = TestClock.get();

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void backToNow() {
		this.clock.reset();
		this.jdbc.sql("delete from census_campaign where name like ?").param("% " + this.suffix).update();
	}

	@Test
	void aCampaignClosesAtMidnightInParisOnNewYearsEve() {
		this.clock.setTo(Instant.parse("2030-11-15T10:00:00Z"));
		String name = "Recensement de la Saint-Sylvestre " + this.suffix;
		int id = openCampaign(name, "2030-12-01", "2030-12-31");

		this.clock.setTo(Instant.parse("2030-12-31T22:30:00Z"));
		assertOpen(id, name, "31 décembre 2030");

		this.clock.setTo(Instant.parse("2030-12-31T23:30:00Z"));
		assertClosed(id, name, "31 décembre 2030");
	}

	@Test
	void onTheDaylightSavingDaysTheDayStillChangesAtMidnightInParis() {
		this.clock.setTo(Instant.parse("2030-11-15T10:00:00Z"));
		String winter = "Recensement d’hiver " + this.suffix;
		String summer = "Recensement d’été " + this.suffix;
		int winterId = openCampaign(winter, "2030-12-01", "2031-03-29");
		int summerId = openCampaign(summer, "2031-03-30", "2031-10-26");

		// Saturday 29 March 2031, 23:30 in Paris (UTC+1): the winter campaign's last day
		this.clock.setTo(Instant.parse("2031-03-29T22:30:00Z"));
		assertOpen(winterId, winter, "29 mars 2031");
		// Sunday 30 March, 00:30 in Paris, still Saturday in UTC: the summer campaign
		// opens (the clocks go forward at 02:00 that night)
		this.clock.setTo(Instant.parse("2031-03-29T23:30:00Z"));
		assertOpen(summerId, summer, "26 octobre 2031");
		// Sunday 26 October 2031, 23:30 in Paris (UTC+1 again since 03:00): its last day
		this.clock.setTo(Instant.parse("2031-10-26T22:30:00Z"));
		assertOpen(summerId, summer, "26 octobre 2031");
		// Monday 27 October, 00:30 in Paris, Sunday in UTC: closed
		this.clock.setTo(Instant.parse("2031-10-26T23:30:00Z"));
		assertClosed(summerId, summer, "26 octobre 2031");
	}

	private void assertOpen(int id, String name, String closesOn) {
		String questionnaire = body("/recensement");
		assertThat(questionnaire).contains(name).doesNotContain(CLOSED);
		assertThat(Jsoup.parse(body("/chiffres")).select(".campaign-state").text()).isEqualTo("Recensement en cours : "
				+ name + ", ouvert jusqu’au " + closesOn + ", situation au " + closesOn + ".");
		assertThat(this.mvc.get().uri(BASE + "/" + id).with(admin())).hasStatusOk().bodyText().doesNotContain(NOT_OPEN);
	}

	private void assertClosed(int id, String name, String closesOn) {
		String questionnaire = body("/recensement");
		assertThat(questionnaire).contains(name, CLOSED);
		assertThat(Jsoup.parse(body("/chiffres")).select(".campaign-state").text())
			.isEqualTo("Dernier recensement : " + name + ", clos le " + closesOn + ", situation au " + closesOn + ".");
		assertThat(this.mvc.get().uri(BASE + "/" + id).with(admin())).hasStatusOk().bodyText().contains(NOT_OPEN);
		MvcTestResult sent = this.mvc.post()
			.uri(BASE + "/" + id + "/invitations")
			.with(admin())
			.with(csrf())
			.exchange();
		java.util.Map<String, Object> flash = sent.getMvcResult().getFlashMap();
		assertThat(flash).containsEntry("campaignNotice", "campaign.notice.not-open");
		assertThat(this.jdbc.sql("select count(*) from campaign_mailing where campaign_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	/** Opens a campaign through the administrators' form, "as of" its closing day. */
	private int openCampaign(String name, String opensOn, String closesOn) {
		MvcTestResult created = this.mvc.post()
			.uri(BASE)
			.param("name", name)
			.param("opensOn", opensOn)
			.param("closesOn", closesOn)
			.param("asOf", closesOn)
			.with(admin())
			.with(csrf())
			.exchange();
		assertThat(created).hasStatus3xxRedirection();
		String location = created.getResponse().getRedirectedUrl();
		return Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
	}

	private String body(String path) {
		MvcTestResult result = this.mvc.get().uri(path).exchange();
		assertThat(result).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RequestPostProcessor admin() {
		return user("admin@lianes.example").roles("ADMIN");
	}

}
