package fr.lianes.repertoire.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import fr.lianes.repertoire.time.LongDates;

/**
 * Writes a mail from its templates: {@code templates/mail/<name>.txt} (plain text),
 * {@code templates/mail/<name>.html} and the subject {@code mail.<name>.subject} of the
 * message bundles, French unless the model names another {@code locale}. Dates and times
 * of the model are shown in the network's time zone and written as the pages write them:
 * {@code ${longDates.withTime(expiresAt, zone, #locale)}} reads « 1er juillet 2026 à
 * 08:30 ».
 */
@Component
class MailRenderer {

	/** Model entry: the arguments of the subject message, an Object[] or a List. */
	static final String SUBJECT_ARGS = "subjectArgs";

	/** Model entry: a {@link Locale} other than French. */
	static final String LOCALE = "locale";

	static final int MAX_SUBJECT_LENGTH = 200;

	private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\\p{Cntrl}]{1,2000}");

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final MailSettings settings;

	private final LongDates longDates;

	MailRenderer(ITemplateEngine templates, MessageSource messages, MailSettings settings, LongDates longDates) {
		this.templates = templates;
		this.messages = messages;
		this.settings = settings;
		this.longDates = longDates;
	}

	RenderedMail render(String template, Map<String, ?> model) {
		if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
			throw new IllegalArgumentException("Not a mail template name: " + template);
		}
		Locale locale = (model.get(LOCALE) instanceof Locale chosen) ? chosen : Locale.FRENCH;
		String subject = subject(template, model.get(SUBJECT_ARGS), locale);
		Map<String, Object> variables = new HashMap<>();
		model.forEach((name, value) -> variables.put(name, inZone(checkedLink(name, value))));
		variables.put("subject", subject);
		variables.put("longDates", this.longDates);
		variables.put("zone", this.settings.timeZone().getId());
		Context context = new Context(locale, variables);
		String text = this.templates.process("mail/" + template + ".txt", context);
		String html = this.templates.process("mail/" + template, context);
		// the templates' block tags leave blank lines behind: one at most between
		// paragraphs
		return new RenderedMail(subject, text.replaceAll("\n{3,}", "\n\n").strip() + "\n", html);
	}

	/**
	 * Links ({@code ...Url} entries) are web addresses and nothing else: no
	 * {@code javascript:} in a mail, whoever builds the model.
	 */
	private static Object checkedLink(String name, Object value) {
		if (value == null || !name.endsWith("Url")) {
			return value;
		}
		if (!(value instanceof String url) || !LINK.matcher(url).matches()) {
			throw new IllegalArgumentException("Not a web address: " + name);
		}
		return value;
	}

	private String subject(String template, Object args, Locale locale) {
		Object[] arguments = (args instanceof Object[] array) ? array
				: (args instanceof Iterable<?> list) ? toArray(list) : null;
		String subject = this.messages.getMessage("mail." + template + ".subject", arguments, locale);
		// a header on one line, whatever the arguments hold
		subject = subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
		return (subject.length() > MAX_SUBJECT_LENGTH) ? subject.substring(0, MAX_SUBJECT_LENGTH - 1) + "…" : subject;
	}

	private static Object[] toArray(Iterable<?> values) {
		List<Object> list = new ArrayList<>();
		values.forEach(list::add);
		return list.toArray();
	}

	private Object inZone(Object value) {
		if (value instanceof OffsetDateTime time) {
			return time.atZoneSameInstant(this.settings.timeZone());
		}
		if (value instanceof ZonedDateTime time) {
			return time.withZoneSameInstant(this.settings.timeZone());
		}
		if (value instanceof Instant instant) {
			return instant.atZone(this.settings.timeZone());
		}
		return value;
	}

	record RenderedMail(String subject, String text, String html) {
	}

}
