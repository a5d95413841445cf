package fr.lianes.repertoire.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The application's classes (not the tests') as ArchUnit reads them, imported once per
 * test JVM for the classes that check rules on them ({@code ModuleRulesTests},
 * {@code OneClockTests}). An import reads every class of the code base and the classes of
 * Spring, Hibernate... they refer to: seconds each time (about 10 s under a full suite),
 * and a field of each test instance made it once per test method. ArchUnit's
 * {@link JavaClasses} cannot be changed, so every rule sees the same classes as with an
 * import of its own.
 */
public final class ApplicationClasses {

	private static JavaClasses imported;

	private ApplicationClasses() {
	}

	/** The classes of {@code fr.lianes.repertoire}, without the tests. */
	public static synchronized JavaClasses get() {
		if (imported == null) {
			imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("fr.lianes.repertoire");
		}
		return imported;
	}

}
