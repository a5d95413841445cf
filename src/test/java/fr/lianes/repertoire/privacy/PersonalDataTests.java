package fr.lianes.repertoire.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import fr.lianes.repertoire.testing.ProductionStartTest;
import fr.lianes.repertoire.census.CensusRecords;
import fr.lianes.repertoire.testing.WebClient;
import fr.lianes.repertoire.directory.DirectoryRecords;
import fr.lianes.repertoire.mail.MailRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's rights over what the directory holds about their address, and the purge of
 * what outlived its retention period, on a directory started as production starts it: the
 * actors come in through the questionnaire and the moderation, the person asks through
 * the privacy page and proves the address with the link mailed to it.
 */
class PersonalDataTests extends ProductionStartTest {

	private static final Pattern STAMP = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"");

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

	@LocalServerPort
	private int port;

	@Autowired
	private DirectoryRecords directory;

	@Autowired
	private CensusRecords census;

	@Autowired
	private MailRecords mail;

	@Autowired
	private RetentionPurge purge;

	@Test
	void theNoticesNameTheOrganisationTheBasesTheRetentionAndTheCookies() {
		WebClient browser = new WebClient(this.port);
		String privacy = Jsoup.parse(browser.get("/donnees-personnelles").body()).text();
		assertThat(privacy).contains("Lianes coopération, 5 rue Jules de Vicq", "consentement (article 6.1.a du RGPD)",
				"intérêt légitime", "Brouillons du questionnaire : 180 jours", "Réponses refusées : 365 jours", "CNIL",
				"XSRF-TOKEN", "repertoire-brouillon", "JSESSIONID", "repertoire-langue", "valable 24 heures");
		String legal = Jsoup.parse(browser.get("/mentions-legales").body()).text();
		assertThat(legal).contains("Directeur ou directrice de la publication : la présidence de Lianes coopération",
				"Hébergement", "contact@lianescooperation.org");
		String accessibility = Jsoup.parse(browser.get("/accessibilite").body()).text();
		assertThat(accessibility)
			.contains("RGAA", "axe-core", "Défenseur des droits", "contact@lianescooperation.org",
					"à 320, 390 et 1366 pixels de large", "Au dernier relevé (décembre 2026), aucune violation grave")
			.doesNotContain("états de pages");
	}

	@Test
	void aPersonGetsACopyOfWhatTheDirectoryHoldsOnlyAfterProvingTheAddress() throws Exception {
		String email = "camille.copie@asso.example";
		enter("Association Copie Conforme", email, "Camille Copie");

		WebClient stranger = new WebClient(this.port);
		assertThat(stranger.get("/donnees-personnelles/demande?objet=copie").body()).contains("checked");
		WebClient.Page empty = stranger.post("/donnees-personnelles/demande", "objet", "copie", "email",
				"pas-une-adresse");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("Cette adresse électronique n’est pas valide", "aria-invalid=\"true\"");
		WebClient.Page asked = stranger.post("/donnees-personnelles/demande", "objet", "copie", "email", email);
		assertThat(Jsoup.parse(asked.body()).text()).contains("un lien à usage unique vient d’y être envoyé");
		// an unknown address gets the same answer
		assertThat(Jsoup
			.parse(stranger.post("/donnees-personnelles/demande", "objet", "copie", "email", "inconnue@asso.example")
				.body())
			.text()).contains("un lien à usage unique vient d’y être envoyé");

		String link = linkIn(mailTo(email, "Confirmez votre demande"), "/donnees-personnelles/demande/confirmer");
		WebClient owner = new WebClient(this.port);
		WebClient.Page confirm = owner.get(link);
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(this.mail.keptAbout(email).mails()).noneMatch((m) -> m.purpose().equals("PRIVACY_COPY"));
		String token = link.substring(link.indexOf("jeton=") + 6);
		WebClient.Page done = owner.post("/donnees-personnelles/demande/confirmer", "jeton", token);
		assertThat(Jsoup.parse(done.body()).text()).contains("la copie part vers " + email);

		Map<String, String> files = attachments(mailTo(email, "La copie de vos données"));
		assertThat(files).containsOnlyKeys("donnees-personnelles.json", "donnees-personnelles.csv");
		assertThat(files.get("donnees-personnelles.json")).contains("\"email\" : \"" + email + "\"",
				"\"fullName\" : \"Camille Copie\"", "\"actor\" : \"Association Copie Conforme\"",
				"\"field\" : \"NAME\"", "\"status\" : \"APPROVED\"", "CENSUS_CONFIRMATION");
		assertThat(files.get("donnees-personnelles.csv")).startsWith("path,value\r\n")
			.contains("\"directory.contacts[0].fullName\",\"Camille Copie\"")
			.contains("\"directory.contacts[0].actor\",\"Association Copie Conforme\"");

		// the link served once
		assertThat(owner.post("/donnees-personnelles/demande/confirmer", "jeton", token).status()).isEqualTo(410);
		assertThat(owner.get(link).status()).isEqualTo(410);
	}

	@Test
	void anExpiredLinkCarriesNothingOut() {
		String email = "tardive@asso.example";
		ask("effacement", email);
		String link = linkIn(mailTo(email, "Confirmez votre demande"), "/donnees-personnelles/demande/confirmer");
		this.clock.advance(Duration.ofHours(25));
		WebClient owner = new WebClient(this.port);
		WebClient.Page gone = owner.get(link);
		assertThat(gone.status()).isEqualTo(410);
		assertThat(Jsoup.parse(gone.body()).text()).contains("il a déjà servi ou a expiré");
		owner.get("/donnees-personnelles/demande");
		WebClient.Page late = owner.post("/donnees-personnelles/demande/confirmer", "jeton",
				link.substring(link.indexOf("jeton=") + 6));
		assertThat(late.status()).isEqualTo(410);
		assertThat(Jsoup.parse(late.body()).text()).contains("il a déjà servi ou a expiré");
	}

	@Test
	void erasureRemovesTheContactPersonsKeepsTheirConsentsAndTellsTheStaff() throws Exception {
		String email = "dominique.efface@asso.example";
		String slug = enter("Association Effacement Demandé", email, "Dominique Efface");
		WebClient visitor = new WebClient(this.port);
		WebClient.Page before = visitor.get("/acteurs/" + slug);
		assertThat(before.body()).contains("Dominique Efface");
		// public and kept in memory: the same page again
		assertThat(before.header("Cache-Control")).isEqualTo("max-age=60, public");
		assertThat(visitor.get("/acteurs/" + slug).header("ETag")).isNotNull().isEqualTo(before.header("ETag"));
		assertThat(this.directory.keptAbout(email).contacts()).hasSize(1);

		ask("effacement", email.toUpperCase());
		String link = linkIn(mailTo(email, "Confirmez votre demande"), "/donnees-personnelles/demande/confirmer");
		// nothing is erased before the owner of the address confirms
		assertThat(this.directory.keptAbout(email).contacts()).hasSize(1);
		WebClient owner = new WebClient(this.port);
		assertThat(Jsoup.parse(owner.get(link).body()).text()).contains("Effacer mes données");
		WebClient.Page done = owner.post("/donnees-personnelles/demande/confirmer", "jeton",
				link.substring(link.indexOf("jeton=") + 6));
		assertThat(Jsoup.parse(done.body()).text()).contains("sont effacées");

		WebClient.Page erased = visitor.get("/acteurs/" + slug);
		assertThat(erased.body()).doesNotContain("Dominique Efface").contains("Association Effacement Demandé");
		assertThat(erased.header("ETag")).isNotNull().isNotEqualTo(before.header("ETag"));
		DirectoryRecords.KeptAbout kept = this.directory.keptAbout(email);
		assertThat(kept.contacts()).isEmpty();
		assertThat(kept.erasedConsents()).as("the consents stay as proof, tied to the address by its hash only")
			.hasSize(3)
			.allMatch((c) -> c.erasedAt() != null)
			.anyMatch((c) -> c.field().equals("NAME") && c.granted());
		assertThat(plain(mailTo(email, "Vos données ont été effacées"))).contains("Association Effacement Demandé");
		assertThat(plain(mailTo("contact@lianescooperation.org", "Demande d’effacement"))).contains(email,
				"Association Effacement Demandé");
	}

	@Test
	void thePurgeDeletesWhatOutlivedItsRetentionAndKeepsTheRest() {
		String approved = "gardee@asso.example";
		String refused = "refusee.purge@asso.example";
		String draft = "brouillon.purge@asso.example";
		enter("Association Gardée Purge", approved, "Claude Gardé");
		long refusedId = send("Association Refusée Purge", refused, "Alix Refusé");
		WebClient admin = admin();
		WebClient.Page review = admin.get("/moderation/soumissions/" + refusedId);
		Matcher version = VERSION.matcher(review.body());
		assertThat(version.find()).isTrue();
		admin.post("/moderation/soumissions/" + refusedId + "/refuser", "version", version.group(1), "motif",
				"Votre structure n’a pas d’action de coopération internationale.");
		assertThat(status(refused)).containsExactly("REJECTED");
		start(new WebClient(this.port), draft);
		assertThat(status(draft)).containsExactly("DRAFT");
		await(approved);

		this.clock.advance(Duration.ofDays(179));
		this.purge.purge();
		assertThat(status(draft)).as("a draft untouched for 179 days stays").containsExactly("DRAFT");
		assertThat(status(refused)).containsExactly("REJECTED");
		assertThat(this.mail.keptAbout(approved).mails()).isNotEmpty();

		this.clock.advance(Duration.ofDays(2));
		this.purge.purge();
		assertThat(status(draft)).as("a draft untouched for 181 days goes").isEmpty();
		assertThat(status(refused)).as("a response refused 181 days ago stays").containsExactly("REJECTED");

		this.clock.advance(Duration.ofDays(185));
		RetentionPurge.Purged purged = this.purge.purge();
		assertThat(status(refused)).as("a response refused 366 days ago goes").isEmpty();
		assertThat(purged.refusedResponses()).isPositive();
		assertThat(this.mail.keptAbout(approved).mails()).as("mail traces go after a year").isEmpty();
		assertThat(status(approved)).as("an approved response stays").containsExactly("APPROVED");
		assertThat(this.directory.keptAbout(approved).contacts()).as("the directory's entries stay").hasSize(1);
	}

	private void ask(String kind, String email) {
		WebClient browser = new WebClient(this.port);
		browser.get("/donnees-personnelles/demande");
		assertThat(browser.post("/donnees-personnelles/demande", "objet", kind, "email", email).status())
			.isEqualTo(200);
	}

	private List<String> status(String email) {
		return this.census.keptAbout(email).responses().stream().map(CensusRecords.ResponseKept::status).toList();
	}

	private void await(String email) {
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.mail.keptAbout(email).mails().stream().allMatch((m) -> m.sentAt() != null));
	}

	/**
	 * Sends the questionnaire of a new actor with one contact person, and approves it.
	 */
	private String enter(String name, String email, String contact) {
		long id = send(name, email, contact);
		WebClient admin = admin();
		WebClient.Page review = admin.get("/moderation/soumissions/" + id);
		assertThat(review.status()).isEqualTo(200);
		Element form = Jsoup.parse(review.body())
			.select("form")
			.stream()
			.filter((f) -> f.attr("action").endsWith("/approuver"))
			.findFirst()
			.orElseThrow();
		List<String> hidden = new ArrayList<>();
		form.select("input[type=hidden][name]")
			.stream()
			.filter((input) -> !input.attr("name").equals("_csrf"))
			.forEach((input) -> hidden.addAll(List.of(input.attr("name"), input.attr("value"))));
		WebClient.Page queue = admin.post("/moderation/soumissions/" + id + "/approuver",
				hidden.toArray(String[]::new));
		assertThat(queue.uri()).isEqualTo("/moderation");
		DirectoryRecords.KeptAbout kept = this.directory.keptAbout(email);
		assertThat(kept.actors()).extracting(DirectoryRecords.ActorKept::name).contains(name);
		return Jsoup.parse(new WebClient(this.port).get("/acteurs?q=" + name.replace(' ', '+')).body())
			.select("ul.cards > li.card > h3.card-title > a")
			.attr("href")
			.replaceAll(".*/", "");
	}

	private long send(String name, String email, String contact) {
		WebClient browser = new WebClient(this.port);
		start(browser, email);
		WebClient.Page contacts = browser.post("/recensement/structure", "name", name, "acronym", "", "actorType",
				"association-solidarite-internationale", "siret", "", "rna", "", "addressLine", "1 rue de la Paix",
				"postalCode", "59000", "communeName", "Lille", "communeInsee", "", "website", "", "email", email,
				"phone", "", "description", "Une association de test.", "foundingYear", "", "pasUnDoublon", "true");
		assertThat(contacts.uri()).isEqualTo("/recensement/contacts");
		WebClient.Page projects = browser.post("/recensement/contacts", "contacts[0].key", "nabc",
				"contacts[0].fullName", contact, "contacts[0].role", "Chargée de mission", "contacts[0].email", email,
				"contacts[0].publishName", "true", "_contacts[0].publishName", "on", "_contacts[0].publishEmail", "on",
				"_contacts[0].publishPhone", "on", "action", "suivant");
		assertThat(projects.uri()).isEqualTo("/recensement/projets");
		WebClient.Page thanks = browser.post("/recensement/envoi", "publication", "oui", "email", email);
		assertThat(thanks.uri()).isEqualTo("/recensement/merci");
		return this.census.keptAbout(email)
			.responses()
			.stream()
			.filter((r) -> r.status().equals("SUBMITTED"))
			.mapToLong(CensusRecords.ResponseKept::id)
			.max()
			.orElseThrow();
	}

	private static void start(WebClient browser, String email) {
		Matcher stamp = STAMP.matcher(browser.get("/recensement").body());
		assertThat(stamp.find()).isTrue();
		WebClient.Page structure = browser.post("/recensement/commencer", "email", email, "debut", stamp.group(1));
		assertThat(structure.uri()).isEqualTo("/recensement/structure");
	}

	private WebClient admin() {
		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		assertThat(admin.post("/connexion", "email", ADMIN_EMAIL, "motDePasse", ADMIN_PASSWORD).uri())
			.isEqualTo("/moderation");
		return admin;
	}

	/** The plain text of a mail, decoded. */
	private static String plain(MimeMessage message) throws MessagingException, IOException {
		Multipart parts = (Multipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			if (parts.getBodyPart(i).isMimeType("text/plain")) {
				return (String) parts.getBodyPart(i).getContent();
			}
		}
		throw new AssertionError("no text in " + subject(message));
	}

	/** The files attached to a mail, by name. */
	private static Map<String, String> attachments(MimeMessage message) throws MessagingException, IOException {
		Map<String, String> files = new LinkedHashMap<>();
		Multipart parts = (Multipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				part.getInputStream().transferTo(bytes);
				files.put(part.getFileName(), bytes.toString(StandardCharsets.UTF_8));
			}
		}
		return files;
	}

}
