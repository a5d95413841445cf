package fr.lianes.repertoire.census;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.lianes.repertoire.directory.ConsentChannel;
import fr.lianes.repertoire.directory.Entries;
import fr.lianes.repertoire.directory.EntryCommands.Applied;
import fr.lianes.repertoire.directory.EntryCommands.ApplyResponse;
import fr.lianes.repertoire.directory.EntryCommands.Audit;
import fr.lianes.repertoire.directory.EntryCommands.Consent;
import fr.lianes.repertoire.directory.EntryLookups;
import fr.lianes.repertoire.directory.EntryLookups.ActorRef;
import fr.lianes.repertoire.history.History.FieldChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The moderators' side of the census: a sent response set against the entry it changes,
 * and the decision on it. Approving writes the answers into the directory (the search
 * index follows the commit) and records the changes in the history; every decision is
 * mailed to the author in the same transaction.
 */
@Service
public class SubmissionReview {

	/** A response as the moderators see it. */
	public record Review(long id, SubmissionStatus status, int version, Long actorId, String actorSlug,
			Integer actorVersion, String authorEmail, String campaign, OffsetDateTime startedAt,
			OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decidedBy, String decisionReason,
			CensusAnswers answers, Comparison comparison, List<String> problems) {

		public String name() {
			return this.answers.structure().name();
		}

		public boolean isPending() {
			return this.status == SubmissionStatus.SUBMITTED;
		}

		public boolean consents() {
			return Boolean.TRUE.equals(this.answers.publicationConsent());
		}

	}

	/** What became of a decision. */
	public enum DecisionOutcome {

		/** Done. */
		DONE,
		/** Someone decided first, or the response changed since it was shown. */
		STALE,
		/** The answers do not pass the questionnaire's checks any more. */
		INVALID,
		/** The entry changed since the moderator opened the response. */
		ENTRY_CHANGED

	}

	/** A decision and the entry it concerns. */
	public record Decision(DecisionOutcome outcome, Long actorId) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Submissions submissions;

	private final EntryAnswers directoryEntries;

	private final EntryLookups lookups;

	private final AnswersCheck check;

	private final Comparisons comparisons;

	private final Entries entries;

	private final AccessLinks links;

	private final CensusMails mails;

	private final CensusProperties properties;

	private final Clock clock;

	SubmissionReview(JdbcClient jdbc, JsonMapper json, Submissions submissions, EntryAnswers directoryEntries,
			EntryLookups lookups, AnswersCheck check, Comparisons comparisons, Entries entries, AccessLinks links,
			CensusMails mails, CensusProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.submissions = submissions;
		this.directoryEntries = directoryEntries;
		this.lookups = lookups;
		this.check = check;
		this.comparisons = comparisons;
		this.entries = entries;
		this.links = links;
		this.mails = mails;
		this.properties = properties;
		this.clock = clock;
	}

	/** A sent response (drafts are their authors' own), set against its entry. */
	@Transactional(readOnly = true)
	public Optional<Review> review(long id) {
		return this.jdbc.sql("""
				select s.id, s.status, s.version, s.actor_id, s.author_email,
				       c.name as campaign, s.created_at, s.submitted_at, s.decided_at, s.decided_by, s.decision_reason,
				       s.content::text as content
				from submission s left join census_campaign c on c.id = s.campaign_id
				where s.id = ? and s.status <> 'DRAFT'""").param(id).query((rs, i) -> {
			Long actorId = (Long) rs.getObject("actor_id");
			String author = rs.getString("author_email");
			OffsetDateTime shownAt = rs.getObject("created_at", OffsetDateTime.class);
			CensusAnswers typed = this.json.readValue(rs.getString("content"), CensusAnswers.class);
			CensusAnswers before = null;
			CensusAnswers answers = typed;
			Optional<ActorRef> actor = (actorId != null) ? this.lookups.actor(actorId) : Optional.empty();
			if (actorId != null) {
				before = this.directoryEntries.answersAsShown(actorId, null, shownAt.toInstant()).orElse(null);
				answers = withHiddenDetailsKept(typed, before,
						this.directoryEntries.answersAsShown(actorId, author, shownAt.toInstant()).orElse(null));
			}
			return new Review(rs.getLong("id"), SubmissionStatus.valueOf(rs.getString("status")), rs.getInt("version"),
					actorId, actor.map(ActorRef::slug).orElse(null), actor.map(ActorRef::version).orElse(null), author,
					rs.getString("campaign"), shownAt, rs.getObject("submitted_at", OffsetDateTime.class),
					rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"),
					rs.getString("decision_reason"), answers, this.comparisons.compare(before, answers),
					this.check.all(answers).stream().map(AnswersCheck.Problem::messageKey).toList());
		}).optional();
	}

	/**
	 * The answers with the contact details their author was not shown (another person's
	 * unpublished email or phone) put back: left empty, they mean "unchanged".
	 */
	private static CensusAnswers withHiddenDetailsKept(CensusAnswers answers, CensusAnswers staffView,
			CensusAnswers authorView) {
		if (staffView == null || authorView == null) {
			return answers;
		}
		Map<String, ContactAnswers> stored = staffView.contacts()
			.stream()
			.collect(Collectors.toMap(ContactAnswers::key, Function.identity(), (a, b) -> a));
		Map<String, ContactAnswers> shown = authorView.contacts()
			.stream()
			.collect(Collectors.toMap(ContactAnswers::key, Function.identity(), (a, b) -> a));
		List<ContactAnswers> contacts = answers.contacts().stream().map((c) -> {
			ContactAnswers was = stored.get(c.key());
			ContactAnswers seen = shown.get(c.key());
			if (was == null || seen == null) {
				return c;
			}
			String email = (Text.isBlank(c.email()) && seen.email() == null) ? was.email() : c.email();
			String phone = (Text.isBlank(c.phone()) && seen.phone() == null) ? was.phone() : c.phone();
			return new ContactAnswers(c.key(), c.fullName(), c.role(), email, phone, c.publishName(), c.publishEmail(),
					c.publishPhone());
		}).toList();
		return answers.withContacts(contacts);
	}

	/**
	 * Writes the response into the directory: a new actor, or the changes to the entry it
	 * updates. Published when the actor agreed to it; projects left out of an update are
	 * unpublished, never deleted.
	 * @param version the response's version the moderator saw
	 */
	@Transactional
	public Decision approve(long id, int version, Integer entryVersion, String staff) {
		// the entry is locked first: the comparison the moderator saw stays true until
		// the commit, and a change since then sends them back to it
		Optional<Long> existingId = actorIdOf(id);
		Optional<Integer> existing = existingId.flatMap(this.entries::lockActor);
		Optional<Review> found = review(id);
		if (found.isEmpty() || !found.get().isPending() || found.get().version() != version) {
			return new Decision(DecisionOutcome.STALE, null);
		}
		if (existing.isPresent() && !existing.get().equals(entryVersion)) {
			return new Decision(DecisionOutcome.ENTRY_CHANGED, existingId.get());
		}
		Review review = found.get();
		if (!review.problems().isEmpty()) {
			return new Decision(DecisionOutcome.INVALID, review.actorId());
		}
		if (!decide(id, version, "APPROVED", staff, null)) {
			return new Decision(DecisionOutcome.STALE, null);
		}
		CensusAnswers answers = review.answers();
		Applied applied = this.entries.applyResponse(new ApplyResponse(existing.isPresent() ? existingId.get() : null,
				AnswersToEntries.actor(answers.structure()), AnswersToEntries.contacts(answers.contacts()),
				answers.projects().stream().map(AnswersToEntries::project).toList(), review.consents(), campaignOf(id),
				new Consent(review.authorEmail(), answers.noticeVersion(), ConsentChannel.CENSUS_FORM,
						review.startedAt().toInstant()),
				new Audit(staff, id, review.comparison().changes(), projectChanges(review))));
		this.jdbc.sql("update submission set actor_id = ? where id = ?").params(applied.actorId(), id).update();
		String entryUrl = applied.published() ? this.properties.baseUrl() + "/acteurs/" + applied.slug() : null;
		this.mails.approved(review.authorEmail(), id, applied.name(), entryUrl);
		return new Decision(DecisionOutcome.DONE, applied.actorId());
	}

	/** Declines the response; its author is told why. */
	@Transactional
	public Decision reject(long id, int version, String staff, String reason) {
		Optional<Review> review = review(id);
		if (review.isEmpty() || !decide(id, version, "REJECTED", staff, reason)) {
			return new Decision(DecisionOutcome.STALE, null);
		}
		this.mails.rejected(review.get().authorEmail(), id, review.get().name(), reason);
		return new Decision(DecisionOutcome.DONE, review.get().actorId());
	}

	/**
	 * Sends the response back to its author with the network's request and a link to a
	 * new draft holding their answers; the response itself is closed.
	 */
	@Transactional
	public Decision requestChanges(long id, int version, String staff, String request) {
		Optional<Review> review = review(id);
		if (review.isEmpty() || !decide(id, version, "CHANGES_REQUESTED", staff, request)) {
			return new Decision(DecisionOutcome.STALE, null);
		}
		long draft = this.submissions.reopen(id);
		String email = review.get().authorEmail();
		AccessLinks.Issued link = this.links.issue(AccessLinks.Purpose.RESUME_DRAFT, email, draft, null,
				this.properties.draftValidity());
		this.mails.changesRequested(email, id, review.get().name(), request, link);
		return new Decision(DecisionOutcome.DONE, review.get().actorId());
	}

	private boolean decide(long id, int version, String status, String staff, String reason) {
		return this.jdbc
			.sql("""
					update submission set status = :status, decided_at = :now, decided_by = :staff, decision_reason = :reason,
					       updated_at = :now, version = version + 1
					where id = :id and status = 'SUBMITTED' and version = :version""")
			.param("status", status)
			.param("now", OffsetDateTime.now(this.clock))
			.param("staff", staff)
			.param("reason", reason)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	private Optional<Long> actorIdOf(long submissionId) {
		return this.jdbc.sql("select actor_id from submission where id = ?")
			.param(submissionId)
			.query((rs, i) -> (Long) rs.getObject(1))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	/**
	 * The campaign the response was sent for, or null: one sent while none had opened.
	 */
	private Integer campaignOf(long id) {
		return this.jdbc.sql("select campaign_id from submission where id = ?")
			.param(id)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	/**
	 * The changes to record for each answered project, by its key: none (no history row)
	 * for a project the comparison found unchanged.
	 */
	private static Map<String, List<FieldChange>> projectChanges(Review review) {
		Map<String, Comparison.Item> items = review.comparison()
			.projects()
			.stream()
			.collect(Collectors.toMap(Comparison.Item::key, Function.identity(), (first, second) -> first));
		Map<String, List<FieldChange>> changes = new HashMap<>();
		for (ProjectAnswers answer : review.answers().projects()) {
			Comparison.Item item = items.get(answer.key());
			if (item == null) {
				changes.putIfAbsent(answer.key(), List.of());
			}
			else if (item.change() != Comparison.Change.UNCHANGED) {
				changes.putIfAbsent(answer.key(),
						item.rows()
							.stream()
							.map((row) -> FieldChange.of(row.labelKey(), row.before(), row.after()))
							.toList());
			}
		}
		return changes;
	}

}
