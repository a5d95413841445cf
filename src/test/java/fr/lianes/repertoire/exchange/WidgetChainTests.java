package fr.lianes.repertoire.exchange;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget, the schema.org data and the canonical URL on a directory started as
 * production starts it: an actor entered through the questionnaire and approved by a
 * moderator is offered by the widget's builder, listed and mapped by the framed pages
 * (which alone other sites may frame) with its contact person's consented name, described
 * on its page as an Organization; once the person withdraws their consent from the link
 * of their mail, neither the widget nor the page's data carries them.
 */
class WidgetChainTests extends FreshDirectoryTest {

	private static final Pattern WITHDRAW = Pattern.compile("/recensement/retrait\\?jeton=[A-Za-z0-9_\\-]+");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anApprovedActorIsInTheWidgetAndDescribedOnItsPageWithItsConsentedContactOnly() {
		TypedActor typed = actor("widget", "Amitié Tourcoing Thimphou", "association-solidarite-internationale",
				"59200", "Tourcoing")
			.description("Une description où 3<4 & 5>2, « entre guillemets »")
			.project(project("Bibliothèques rurales du Bhoutan").in("BT").localities("Thimphou").domains("education"));
		String slug = enter(typed);
		WebClient visitor = new WebClient(this.port);

		// the builder offers the country and gives the frame of its actors
		Document builder = Jsoup.parse(visitor.get("/integrer?pays=BT").body());
		assertThat(builder.select("select#w-pays option[value=BT]").text()).isEqualTo("Bhoutan");
		String frame = builder.select("#apercu iframe").attr("src");
		assertThat(frame).isEqualTo("/integrer/acteurs?pays=BT");
		assertThat(builder.select("textarea#w-code").text())
			.startsWith("<iframe src=\"http://localhost:8080/integrer/acteurs?pays=BT\"");

		WebClient.Page framed = visitor.get(frame);
		assertThat(framed.header("Content-Security-Policy")).endsWith("frame-ancestors *");
		assertThat(framed.header("X-Frame-Options")).isNull();
		Document list = Jsoup.parse(framed.body());
		assertThat(list.select("h1").text()).endsWith(": Bhoutan");
		assertThat(list.select("ul.widget-cards > li > h2 > a").eachAttr("href")).containsExactly("/acteurs/" + slug);
		assertThat(list.select("ul.widget-cards > li > h2 > a").attr("target")).isEqualTo("_blank");
		assertThat(list.select(".contact-name").eachText()).containsExactly("Camille Durand");
		assertThat(list.text()).contains("Chargée de mission").doesNotContain(typed.email());
		assertThat(list.select("p.widget-all a").attr("href")).isEqualTo("/acteurs?pays=BT");

		Document map = Jsoup.parse(visitor.get("/integrer/carte?pays=BT").body());
		assertThat(map.select(".map-region a.tile[href=/territoires/metropole-lilloise]").text()).endsWith(" 1");
		assertThat(map.select(".map-world a.country.highlight[href=/pays/bt]")).hasSize(1);

		// its page: canonical URL, schema.org Organization with the consented name only
		WebClient.Page actorPage = visitor.get("/acteurs/" + slug);
		assertThat(actorPage.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(actorPage.header("Content-Security-Policy")).endsWith("frame-ancestors 'none'");
		Document page = Jsoup.parse(actorPage.body());
		assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/acteurs/" + slug);
		// < & > escaped in the script, read back whole
		String data = page.selectFirst("script[type=application/ld+json]").data();
		assertThat(data).contains("3\\u003c4 \\u0026 5\\u003e2");
		JsonNode org = this.json.readTree(data);
		assertThat(org.get("name").asString()).isEqualTo("Amitié Tourcoing Thimphou");
		assertThat(org.get("description").asString()).isEqualTo(typed.description);
		assertThat(org.at("/address/addressLocality").asString()).isEqualTo("Tourcoing");
		assertThat(org.at("/contactPoint/0/name").asString()).isEqualTo("Camille Durand");
		assertThat(org.at("/contactPoint/0/contactType").asString()).isEqualTo("Chargée de mission");
		assertThat(org.at("/contactPoint/0").has("email")).isFalse();
		// (the organisation's own address, published with the entry, is the same here)
		assertThat(org.get("email").asString()).isEqualTo(typed.email());

		// the page as any visitor gets it: public, kept in memory, the same again
		WebClient.Page kept = new WebClient(this.port).get("/acteurs/" + slug);
		assertThat(kept.header("Cache-Control")).isEqualTo("max-age=60, public");
		assertThat(kept.body()).contains("Camille Durand");
		assertThat(new WebClient(this.port).get("/acteurs/" + slug).header("ETag")).isEqualTo(kept.header("ETag"))
			.isNotNull();

		// the person withdraws from the link of the confirmation mail
		String mail = GreenMailUtil.getBody(mailTo(typed.email(), "bien été reçue"))
			.replace("=\r\n", "")
			.replace("=3D", "=");
		Matcher withdraw = WITHDRAW.matcher(mail);
		assertThat(withdraw.find()).isTrue();
		String token = withdraw.group().substring(withdraw.group().indexOf('=') + 1);
		WebClient person = new WebClient(this.port);
		person.get(withdraw.group());
		assertThat(person.post("/recensement/retrait", "jeton", token).status()).isEqualTo(200);

		Document after = Jsoup.parse(visitor.get(frame).body());
		assertThat(after.select("ul.widget-cards > li > h2 > a").eachAttr("href")).containsExactly("/acteurs/" + slug);
		assertThat(after.text()).doesNotContain("Camille Durand").doesNotContain("Chargée de mission");
		JsonNode withdrawn = this.json.readTree(Jsoup.parse(visitor.get("/acteurs/" + slug).body())
			.selectFirst("script[type=application/ld+json]")
			.data());
		assertThat(withdrawn.has("contactPoint")).isFalse();
		assertThat(withdrawn.toString()).doesNotContain("Camille Durand");
		// the page kept before the withdrawal is not served again: a new page, a new ETag
		WebClient.Page fresh = new WebClient(this.port).get("/acteurs/" + slug);
		assertThat(fresh.body()).doesNotContain("Camille Durand");
		assertThat(fresh.header("ETag")).isNotNull().isNotEqualTo(kept.header("ETag"));
	}

}
