package fr.lianes.repertoire.testing;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** A page's form as a browser without JavaScript sends it. */
public final class HtmlForms {

	private HtmlForms() {
	}

	/**
	 * The name-value pairs of the page's first form that has this field, the field given
	 * a new value (null: kept as it is); the CSRF token is left to the client.
	 */
	public static String[] fields(String html, String field, String value) {
		Element form = Jsoup.parse(html)
			.select("form")
			.stream()
			.filter((f) -> !f.select("[name=" + field + "]").isEmpty())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no form with " + field));
		List<String> pairs = new ArrayList<>();
		for (Element input : form.select("input[name], textarea[name], select[name]")) {
			String name = input.attr("name");
			if (name.equals("_csrf")) {
				continue;
			}
			if (name.equals(field) && value != null) {
				if (!pairs.contains(field)) {
					pairs.add(field);
					pairs.add(value);
				}
				continue;
			}
			switch (input.tagName()) {
				case "textarea" -> add(pairs, name, input.wholeText());
				case "select" -> input.select("option[selected]").forEach((o) -> add(pairs, name, o.attr("value")));
				default -> {
					String type = input.attr("type");
					if ((!type.equals("checkbox") && !type.equals("radio")) || input.hasAttr("checked")) {
						add(pairs, name, input.attr("value"));
					}
				}
			}
		}
		return pairs.toArray(String[]::new);
	}

	/** The hidden fields of the page's form whose action ends with this. */
	public static String[] hidden(String html, String actionEnd) {
		Element form = Jsoup.parse(html)
			.select("form")
			.stream()
			.filter((f) -> f.attr("action").endsWith(actionEnd))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no form to " + actionEnd));
		List<String> pairs = new ArrayList<>();
		form.select("input[type=hidden][name]")
			.stream()
			.filter((input) -> !input.attr("name").equals("_csrf"))
			.forEach((input) -> add(pairs, input.attr("name"), input.attr("value")));
		return pairs.toArray(String[]::new);
	}

	private static void add(List<String> pairs, String name, String value) {
		pairs.add(name);
		pairs.add(value);
	}

}
