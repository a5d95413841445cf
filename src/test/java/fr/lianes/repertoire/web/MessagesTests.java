package fr.lianes.repertoire.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.lianes.repertoire.directory.ActorStatus;
import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.directory.ProjectStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All text shown to people lives in the message bundles, French first and English second.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * A message key written literally in a template: #{key}, #{key(args)} or
	 * #messages.msg('key'...).
	 */
	private static final Pattern STATIC_KEY = Pattern
		.compile("#\\{([a-zA-Z][\\w.]*)[}(]|#messages\\.msg\\('([a-zA-Z][\\w.]*)'[,)]");

	/**
	 * What a plain-text template may hold besides text: [# ...], [/], [[...]], [(...)].
	 */
	private static final Pattern TEXT_TEMPLATE_MARKUP = Pattern
		.compile("\\[#[^\\]]*\\]|\\[/\\]|\\[\\[.*?\\]\\]|\\[\\(.*?\\)\\]");

	/**
	 * A call of the form kit ({@code fragments/forms.html}): the summary's heading key,
	 * or a field and the prefix of its form's keys.
	 */
	private static final Pattern FORM_KIT = Pattern.compile(
			"forms :: summary\\('([\\w.-]+)', '([\\w.]+)'\\)|forms :: text\\('([\\w.\\[\\]]+)', [^)]*'([\\w.]+)'\\)");

	/** Text between two tags. */
	private static final Pattern TEXT = Pattern.compile(">([^<]*)<");

	@Test
	void everyKeyUsedByATemplateExistsInBothLanguages() throws IOException {
		Properties french = bundle("messages.properties");
		Properties english = bundle("messages_en.properties");
		Set<String> used = new TreeSet<>();
		for (Path template : templates(".html", ".txt")) {
			Matcher matcher = STATIC_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				used.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
			}
		}
		used.addAll(formKitKeys());
		used.addAll(dynamicKeys(french));
		assertThat(used).hasSizeGreaterThan(100);
		assertThat(french.stringPropertyNames()).containsAll(used);
		assertThat(english.stringPropertyNames()).containsAll(used);
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(bundle("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
	}

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path template : templates(".html")) {
			String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "").replaceAll("\"[^\"]*\"", "\"\"");
			Matcher matcher = TEXT.matcher(html);
			while (matcher.find()) {
				if (matcher.group(1).codePoints().anyMatch(Character::isLetter)) {
					offenders.add(template.getFileName() + ": " + matcher.group(1).strip());
				}
			}
		}
		assertThat(offenders).isEmpty();
	}

	@Test
	void textTemplatesHoldNoHardCodedText() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path template : templates(".txt")) {
			String text = TEXT_TEMPLATE_MARKUP.matcher(Files.readString(template)).replaceAll("");
			text.lines()
				.filter((line) -> line.codePoints().anyMatch(Character::isLetter))
				.forEach((line) -> offenders.add(template.getFileName() + ": " + line.strip()));
		}
		assertThat(offenders).isEmpty();
	}

	/**
	 * The keys of the form kit's calls: each summary's heading, each field's label.
	 */
	private static List<String> formKitKeys() throws IOException {
		FormErrors formErrors = new FormErrors();
		List<String> keys = new ArrayList<>();
		for (Path template : templates(".html")) {
			Matcher call = FORM_KIT.matcher(Files.readString(template));
			while (call.find()) {
				keys.add((call.group(1) != null) ? call.group(1) : formErrors.label(call.group(4), call.group(3)));
			}
		}
		assertThat(keys).as("form kit calls").hasSizeGreaterThan(30);
		return keys;
	}

	/**
	 * Keys that templates build from enum constants, filter names and section numbers.
	 */
	private static List<String> dynamicKeys(Properties french) throws IOException {
		List<String> keys = new ArrayList<>();
		Stream.of("acteurs", "projets", "pays", "domaines", "territoires").forEach((s) -> keys.add("nav." + s));
		for (String facet : List.of("type", "territoire", "pays", "domaine", "statut")) {
			keys.add("facet." + facet);
		}
		for (String facet : List.of("type", "territoire", "pays", "domaine")) {
			keys.add("breakdown." + facet);
		}
		Stream.of(ActorStatus.values()).forEach((s) -> keys.add(s.messageKey()));
		Stream.of(ProjectStatus.values()).forEach((s) -> keys.add(s.messageKey()));
		Stream.of(ProjectKind.values()).forEach((k) -> keys.add("project.kind." + k));
		Stream.of(ProjectNature.values()).forEach((n) -> keys.add("project.nature." + n));
		for (String page : List.of("accessibility", "privacy", "notice")) {
			int sections = Integer.parseInt(french.getProperty("legal." + page + ".sections", "0"));
			assertThat(sections).as(page + " sections").isPositive();
			for (int i = 1; i <= sections; i++) {
				keys.add("legal." + page + "." + i + ".title");
				keys.add("legal." + page + "." + i + ".text");
			}
		}
		keys.addAll(mailSubjects());
		return keys;
	}

	/**
	 * A mail is a pair of templates, mail/name.txt and mail/name.html; its subject is a
	 * message.
	 */
	private static List<String> mailSubjects() throws IOException {
		List<String> keys = new ArrayList<>();
		for (Path text : templates(".txt")) {
			String name = text.getFileName().toString().replaceFirst("\\.txt$", "");
			if (Files.exists(text.resolveSibling(name + ".html"))) {
				keys.add("mail." + name + ".subject");
			}
		}
		assertThat(keys).as("mail subjects").isNotEmpty();
		return keys;
	}

	private static List<Path> templates(String... suffixes) throws IOException {
		try (Stream<Path> paths = Files.walk(TEMPLATES)) {
			return paths.filter((p) -> Stream.of(suffixes).anyMatch(p.toString()::endsWith)).sorted().toList();
		}
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
