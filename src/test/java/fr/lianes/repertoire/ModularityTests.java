package fr.lianes.repertoire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module; modules only use each other's public top-level
 * types and never depend on each other in a cycle. The modules are documented (Spring
 * Modulith's {@link Documenter}, in {@code target/spring-modulith-docs}) and the README's
 * table of modules is the code's.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(RepertoireApplication.class);

	private static final String ROOT = RepertoireApplication.class.getPackageName() + ".";

	/** A row of the README's table: {@code | `module` | what it does | owns | uses |}. */
	private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\|[^|]*\\|([^|]*)\\|([^|]*)\\|$");

	private static final Pattern NAME = Pattern.compile("`(\\w+)`");

	private static final Path DOCUMENTATION = Path.of("target/spring-modulith-docs");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void theModulesAreDocumented() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION.toString()))
			.writeDocumentation();
		assertThat(DOCUMENTATION.resolve("components.puml")).as("the diagram of all modules").exists();
		Set<String> files;
		try (Stream<Path> written = Files.list(DOCUMENTATION)) {
			files = written.map((file) -> file.getFileName().toString()).collect(Collectors.toSet());
		}
		for (String module : modules().keySet()) {
			assertThat(files).as("the diagram and canvas of " + module)
				.contains("module-" + module + ".puml", "module-" + module + ".adoc");
		}
	}

	/**
	 * The README's table of modules names every module, the tables it owns (the owner map
	 * of {@link TableOwnershipTests}) and the modules it uses (its
	 * {@code allowedDependencies}, which {@link #modulesRespectTheirBoundaries()}
	 * checks).
	 */
	@Test
	void theReadmeTableOfModulesIsTheCodes() throws IOException {
		Map<String, String> readme = new TreeMap<>();
		for (String line : Files.readAllLines(Path.of("README.md"))) {
			Matcher row = ROW.matcher(line.strip());
			if (row.matches()) {
				readme.put(row.group(1), "owns " + names(row.group(2)) + ", uses " + list(row.group(3)));
			}
		}
		Map<String, String> code = new TreeMap<>();
		modules().forEach((module, uses) -> code.put(module,
				"owns " + new TreeSet<>(TableOwnershipTests.OWNER.entrySet()
					.stream()
					.filter((owner) -> owner.getValue().equals(module))
					.map(Map.Entry::getKey)
					.toList()) + ", uses " + uses));
		assertThat(readme).as("the README's table of modules (How it is built)").isEqualTo(code);
	}

	/** Each module's name and the modules it declares it may use. */
	private static Map<String, Set<String>> modules() {
		Map<String, Set<String>> modules = new TreeMap<>();
		MODULES.forEach((module) -> {
			String basePackage = module.getBasePackage().getName();
			ApplicationModule declared;
			try {
				declared = Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
			}
			catch (ClassNotFoundException ex) {
				declared = null;
			}
			modules.put(basePackage.substring(ROOT.length()), (declared != null)
					? new TreeSet<>(Arrays.asList(declared.allowedDependencies())) : Set.of("(undeclared)"));
		});
		return modules;
	}

	private static Set<String> names(String cell) {
		Set<String> names = new TreeSet<>();
		Matcher name = NAME.matcher(cell);
		while (name.find()) {
			names.add(name.group(1));
		}
		return names;
	}

	private static Set<String> list(String cell) {
		return Arrays.stream(cell.split(","))
			.map(String::strip)
			.filter((name) -> !name.isEmpty() && !name.equals("—"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
