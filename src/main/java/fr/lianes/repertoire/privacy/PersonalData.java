package fr.lianes.repertoire.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.lianes.repertoire.directory.Entries;
import fr.lianes.repertoire.mail.MailOutbox;
import fr.lianes.repertoire.privacy.DataRequests.Kind;
import fr.lianes.repertoire.privacy.DataRequests.Request;
import fr.lianes.repertoire.web.Organisation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's requests over what the directory holds about their address. Anyone may ask
 * with any address; nothing happens until the owner of the address follows the link
 * mailed to it. The answer to the asker is the same whether the address is known or not.
 */
@Service
class PersonalData {

	private static final Logger logger = LoggerFactory.getLogger(PersonalData.class);

	static final String CONFIRM_PATH = "/donnees-personnelles/demande/confirmer";

	private final DataRequests requests;

	private final DataCopy copy;

	private final Entries entries;

	private final MailOutbox outbox;

	private final PrivacySettings settings;

	private final Organisation organisation;

	private final Clock clock;

	private final String baseUrl;

	PersonalData(DataRequests requests, DataCopy copy, Entries entries, MailOutbox outbox, PrivacySettings settings,
			Organisation organisation, Clock clock,
			@Value("${repertoire.census.base-url:http://localhost:8080}") String baseUrl) {
		this.requests = requests;
		this.copy = copy;
		this.entries = entries;
		this.outbox = outbox;
		this.settings = settings;
		this.organisation = organisation;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/**
	 * Records the request and mails its link to the address, unless the address asked too
	 * often today.
	 */
	@Transactional
	void ask(Kind kind, String address, Locale locale) {
		String email = address.strip().toLowerCase(Locale.ROOT);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (this.requests.countSince(email, now.minusDays(1)) >= this.settings.requestsPerDay()) {
			logger.info("Request for personal data not mailed: {} already today for that address",
					this.settings.requestsPerDay());
			return;
		}
		OffsetDateTime expiresAt = now.plus(this.settings.linkValidity());
		String token = this.requests.create(kind, email, now, expiresAt);
		Map<String, Object> model = new HashMap<>();
		model.put("kind", kind.name());
		model.put("email", email);
		model.put("linkUrl", this.baseUrl + CONFIRM_PATH + "?jeton=" + token);
		model.put("expiresAt", expiresAt);
		model.put("locale", locale);
		this.outbox.enqueue("privacy-request-link", email, model, "PRIVACY_REQUEST_LINK", null);
	}

	/** The request the token proves, waiting to be carried out. */
	Optional<Request> pending(String token) {
		return this.requests.peek(token, OffsetDateTime.now(this.clock));
	}

	/**
	 * Carries the request out: the copy mailed, or the contact persons erased and the
	 * staff told.
	 * @return the request, or empty if the link is unknown, used or expired
	 */
	@Transactional
	Optional<Request> carryOut(String token, Locale locale) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Optional<Request> found = this.requests.peek(token, now)
			.filter((request) -> this.requests.markDone(request.id(), now));
		found.ifPresent((request) -> {
			if (request.kind() == Kind.ACCESS) {
				sendCopy(request, now, locale);
			}
			else {
				erase(request, now, locale);
			}
		});
		return found;
	}

	private void sendCopy(Request request, OffsetDateTime now, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("email", request.email());
		model.put("locale", locale);
		this.outbox.enqueue("privacy-copy", request.email(), model, "PRIVACY_COPY", "privacy:" + request.id(),
				this.copy.of(request.email(), now));
	}

	private void erase(Request request, OffsetDateTime now, Locale locale) {
		List<String> actors = this.entries.eraseContacts(request.email(), "privacy:" + request.id());
		Map<String, Object> model = new HashMap<>();
		model.put("email", request.email());
		model.put("actors", actors);
		model.put("locale", locale);
		this.outbox.enqueue("privacy-erased", request.email(), model, "PRIVACY_ERASED", "privacy:" + request.id());
		Map<String, Object> staff = new HashMap<>();
		staff.put("email", request.email());
		staff.put("actors", actors);
		staff.put("request", request.id());
		staff.put("at", now);
		this.outbox.enqueue("privacy-erasure-staff", this.organisation.email(), staff, "PRIVACY_ERASURE_STAFF",
				"privacy:" + request.id());
		logger.info("Erased {} contact person(s) at request #{}", actors.size(), request.id());
	}

}
