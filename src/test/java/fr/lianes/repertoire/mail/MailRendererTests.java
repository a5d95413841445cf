package fr.lianes.repertoire.mail;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import fr.lianes.repertoire.mail.MailRenderer.RenderedMail;
import fr.lianes.repertoire.time.LongDates;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafProperties;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The three census mails as the census module will ask for them, rendered by an engine
 * set up like Spring Boot's (no application context: these run in a second).
 */
class MailRendererTests {

	private static MailRenderer renderer;

	@BeforeAll
	static void engine() {
		StaticApplicationContext context = new StaticApplicationContext();
		context.refresh();
		SpringResourceTemplateResolver text = (SpringResourceTemplateResolver) new MailConfiguration()
			.mailTextTemplateResolver(new ThymeleafProperties());
		text.setApplicationContext(context);
		SpringResourceTemplateResolver html = new SpringResourceTemplateResolver();
		html.setApplicationContext(context);
		html.setPrefix("classpath:/templates/");
		html.setSuffix(".html");
		html.setTemplateMode(TemplateMode.HTML);
		html.setCharacterEncoding("UTF-8");
		html.setCheckExistence(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.addTemplateResolver(html);
		engine.addTemplateResolver(text);
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		engine.setTemplateEngineMessageSource(messages);
		MailSettings settings = new MailSettings("Répertoire <repertoire@localhost>", Duration.ofSeconds(10), 50,
				List.of(Duration.ofMinutes(1)), Duration.ofDays(2), ZoneId.of("Europe/Paris"));
		renderer = new MailRenderer(engine, messages, settings, new LongDates(messages));
	}

	@Test
	void writesTheConfirmationInFrenchWithItsSummaryAndTheUnsubscribeLink() {
		Map<String, Object> model = new HashMap<>();
		model.put("actorName", "Amitié Lille-Tanguiéta");
		model.put("campaignName", "Recensement 2026");
		model.put("summary",
				List.of("La structure : Amitié Lille-Tanguiéta", "Projet : Une école à Tanguiéta (Bénin)"));
		model.put("resumeUrl", null);
		model.put("unsubscribeUrl", "https://repertoire.example/desinscription/abc");

		RenderedMail mail = renderer.render("census-confirmation", model);

		assertThat(mail.subject()).isEqualTo("Votre réponse au recensement a bien été reçue");
		assertThat(mail.text()).startsWith("Bonjour,\n\nNous avons bien reçu la réponse de Amitié Lille-Tanguiéta")
			.contains("au recensement « Recensement 2026 ».")
			.contains("Voici ce que vous nous avez transmis :\n- La structure : Amitié Lille-Tanguiéta\n"
					+ "- Projet : Une école à Tanguiéta (Bénin)\n")
			.contains("Lianes coopération")
			.contains("retirer votre consentement :\nhttps://repertoire.example/desinscription/abc")
			.doesNotContain("[#")
			.doesNotContain("\n\n\n");
		assertThat(mail.html()).contains("<li>Projet : Une école à Tanguiéta (Bénin)</li>")
			.contains("href=\"https://repertoire.example/desinscription/abc\"")
			.contains("<html lang=\"fr\">")
			.contains("<title>Votre réponse au recensement a bien été reçue</title>");
	}

	@Test
	void leavesTheUnsubscribeLineOutWithoutALink() {
		RenderedMail mail = renderer.render("census-confirmation",
				Map.of("actorName", "Amitié Lille-Tanguiéta", "summary", List.of()));

		assertThat(mail.text()).contains("Lianes coopération").doesNotContain("consentement");
		assertThat(mail.html()).doesNotContain("consentement").doesNotContain("<ul>");
	}

	@Test
	void writesTheExpiryInFrenchAndInParisTime() {
		Map<String, Object> model = new HashMap<>();
		model.put("actorName", null);
		model.put("linkUrl", "https://repertoire.example/recensement/reprendre?jeton=abc");
		model.put("expiresAt", OffsetDateTime.of(2026, 11, 21, 13, 5, 0, 0, ZoneOffset.UTC));
		model.put("unsubscribeUrl", "https://repertoire.example/desinscription/abc");

		RenderedMail mail = renderer.render("census-resume-link", model);

		assertThat(mail.subject()).isEqualTo("Votre lien pour reprendre le questionnaire du recensement");
		assertThat(mail.text()).contains("https://repertoire.example/recensement/reprendre?jeton=abc")
			.contains("« Continuer »")
			.contains("Il est valable jusqu’au 21 novembre 2026 à 14:05 et ne sert qu’une seule fois.")
			.contains("ignorez ce message");
		assertThat(mail.html()).contains("href=\"https://repertoire.example/recensement/reprendre?jeton=abc\"")
			.contains("21 novembre 2026 à 14:05");
	}

	@Test
	void namesTheActorInTheUpdateLink() {
		Map<String, Object> model = Map.of("actorName", "Lianes coopération", "linkUrl",
				"https://repertoire.example/recensement/mise-a-jour?jeton=xyz", "expiresAt",
				OffsetDateTime.of(2026, 7, 1, 8, 30, 0, 0, ZoneOffset.ofHours(2)), "unsubscribeUrl",
				"https://repertoire.example/desinscription/xyz");

		RenderedMail mail = renderer.render("census-update-link", model);

		assertThat(mail.subject()).isEqualTo("Votre lien pour mettre à jour votre fiche dans le répertoire");
		assertThat(mail.text()).contains("la fiche de Lianes coopération dans le répertoire")
			.contains("jusqu’au 1er juillet 2026 à 08:30")
			.contains("relus par l’équipe du réseau");
		assertThat(mail.html()).contains("1er juillet 2026 à 08:30");
	}

	@Test
	void writesTheCampaignsDatesAsThePagesDo() {
		Map<String, Object> model = new HashMap<>();
		model.put("reminder", false);
		model.put("campaignName", "Recensement 2026");
		model.put("actorName", "Lianes coopération");
		model.put("closesOn", LocalDate.of(2026, 7, 1));
		model.put("linkUrl", "https://repertoire.example/recensement/mise-a-jour?jeton=xyz");
		model.put("expiresAt", OffsetDateTime.of(2026, 6, 30, 22, 30, 0, 0, ZoneOffset.UTC));
		model.put("unsubscribeUrl", "https://repertoire.example/desinscription/xyz");

		RenderedMail mail = renderer.render("campaign-invitation", model);

		assertThat(mail.text()).contains("ouverte jusqu’au 1er juillet 2026.")
			.contains("jusqu’au 1er juillet 2026 à 00:30");
		assertThat(mail.html()).contains("ouverte jusqu’au 1er juillet 2026.")
			.contains("jusqu’au 1er juillet 2026 à 00:30");

		model.put("locale", Locale.ENGLISH);
		RenderedMail english = renderer.render("campaign-invitation", model);

		assertThat(english.text()).contains("1 July 2026 at 00:30").doesNotContain("1er");
	}

	@Test
	void writesEnglishWhenAskedTo() {
		RenderedMail mail = renderer.render("census-confirmation",
				Map.of("actorName", "Lianes coopération", "summary", List.of(), "locale", Locale.ENGLISH));

		assertThat(mail.subject()).isEqualTo("Your census answer has been received");
		assertThat(mail.text()).startsWith("Hello,");
	}

	@Test
	void escapesMarkupInTheHtmlBody() {
		RenderedMail mail = renderer.render("census-confirmation",
				Map.of("actorName", "<script>alert(1)</script>", "summary", List.of("<b>gras</b>")));

		assertThat(mail.html()).doesNotContain("<script>")
			.doesNotContain("<b>")
			.contains("&lt;script&gt;")
			.contains("&lt;b&gt;gras&lt;/b&gt;");
	}

	@Test
	void refusesLinksThatAreNotWebAddresses() {
		assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("census-resume-link",
				Map.of("linkUrl", "javascript:alert(1)", "unsubscribeUrl", "https://repertoire.example/")));
	}

	@Test
	void refusesTemplateNamesThatAreNotPlainNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("../layout/main", Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("layout :: footer", Map.of()));
	}

}
