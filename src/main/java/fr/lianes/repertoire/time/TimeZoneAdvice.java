package fr.lianes.repertoire.time;

import java.time.Clock;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the network's zone, {@code zone}, to write moments in it:
 * {@code #temporals.format(moment, 'd MMMM yyyy HH:mm', zone)}. Times read from the
 * database come in UTC; shown as they are, a submission at 00:30 in Paris would say 23:30
 * the day before.
 */
@ControllerAdvice
class TimeZoneAdvice {

	private final String zone;

	private final LongDates longDates;

	TimeZoneAdvice(Clock clock, LongDates longDates) {
		this.zone = clock.getZone().getId();
		this.longDates = longDates;
	}

	/**
	 * Dates written out ("1er mars 2026"): {@code ${longDates.format(date, #locale)}},
	 * {@code ${longDates.withTime(moment, zone, #locale)}}; mails get it too.
	 */
	@ModelAttribute("longDates")
	LongDates longDates() {
		return this.longDates;
	}

	@ModelAttribute("zone")
	String zone() {
		return this.zone;
	}

}
