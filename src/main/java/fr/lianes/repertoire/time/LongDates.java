package fr.lianes.repertoire.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Dates written out as people write them, "1er mars 2026" in French, "1 March 2026" in
 * English: the day's wording (the French ordinal of the first day of a month) and the
 * order come from the messages ({@code date.day.N}, {@code date.long}). Templates reach
 * it as {@code longDates} (every page's model, every mail's model and the kept body of
 * the figures), so that a mail writes a date as the pages do.
 */
@Component
public class LongDates {

	private final MessageSource messages;

	public LongDates(MessageSource messages) {
		this.messages = messages;
	}

	/** The day, month and year, in this language. */
	public String format(TemporalAccessor date, Locale locale) {
		if (date == null) {
			return null;
		}
		int day = date.get(ChronoField.DAY_OF_MONTH);
		String dayText = this.messages.getMessage("date.day." + day, null, String.valueOf(day), locale);
		String monthYear = DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(date);
		return this.messages.getMessage("date.long", new Object[] { dayText, monthYear }, locale);
	}

	/**
	 * The day of a moment in this zone, written out ("1er mars 2026"); a date or a local
	 * date-time is taken as it is.
	 */
	public String format(TemporalAccessor moment, String zone, Locale locale) {
		return format(local(moment, zone), locale);
	}

	/** The day and the time of a moment in this zone: "1er mars 2026 09:30". */
	public String withTime(TemporalAccessor moment, String zone, Locale locale) {
		TemporalAccessor local = local(moment, zone);
		if (local == null) {
			return null;
		}
		return this.messages.getMessage("date.with-time",
				new Object[] { format(local, locale), DateTimeFormatter.ofPattern("HH:mm", locale).format(local) },
				locale);
	}

	private static TemporalAccessor local(TemporalAccessor moment, String zone) {
		if (moment == null || zone == null) {
			return moment;
		}
		ZoneId in = ZoneId.of(zone);
		if (moment instanceof Instant instant) {
			return instant.atZone(in);
		}
		if (moment instanceof OffsetDateTime offset) {
			return offset.atZoneSameInstant(in);
		}
		if (moment instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(in);
		}
		return moment;
	}

}
