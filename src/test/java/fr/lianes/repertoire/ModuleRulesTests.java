package fr.lianes.repertoire;

import java.util.List;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import fr.lianes.repertoire.testing.ApplicationClasses;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ControllerAdvice;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules on what each module's classes may hold, beyond the modules' declared dependencies
 * ({@link ModularityTests}) and the tables they name ({@link TableOwnershipTests}).
 */
class ModuleRulesTests {

	/** The ways to run SQL or JPA queries, or transactions of one's own. */
	private static final List<Class<?>> DATABASE_ACCESS = List.of(JdbcClient.class, JdbcTemplate.class,
			NamedParameterJdbcTemplate.class, EntityManager.class, EntityManagerFactory.class, DataSource.class,
			TransactionTemplate.class);

	@Test
	void theBackOfficeRunsNoSqlButThroughTheModulesApis() {
		noClasses().that()
			.resideInAPackage("..moderation..")
			.should()
			.dependOnClassesThat(databaseAccess())
			.because("the back office calls the owning modules' read and write APIs")
			.check(ApplicationClasses.get());
	}

	@Test
	void theDemoGeneratorWritesThroughTheDirectorysBulkLoadAndTheCensusCampaigns() {
		noClasses().that()
			.resideInAPackage("..demo..")
			.should()
			.dependOnClassesThat(databaseAccess().or(resideInAnyPackage("java.sql..", "org.postgresql..")))
			.because("its entries go through directory.BulkLoads and its campaign through census.Campaigns")
			.check(ApplicationClasses.get());
	}

	@Test
	void onlyControllersSeeSpringMvcsModel() {
		noClasses().that(DescribedPredicate.not(inAController()))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.ui..")
			.because("services return values (view models, results) that controllers put in the model")
			.check(ApplicationClasses.get());
	}

	@Test
	void backgroundWorkRunsOnSpringsExecutorsAndAfterCommitWorkOnTransactionalEvents() {
		noClasses().should()
			.callMethodWhere(DescribedPredicate.describe("Executors.new*",
					(call) -> call.getTargetOwner().isEquivalentTo(Executors.class)
							&& call.getName().startsWith("new")))
			.orShould()
			.callConstructorWhere(DescribedPredicate.describe("new Thread(..)",
					(call) -> call.getTargetOwner().isAssignableTo(Thread.class)))
			.orShould()
			.callMethod(TransactionSynchronizationManager.class, "registerSynchronization",
					TransactionSynchronization.class)
			.because("Spring's executors and scheduler stop with the application (spring.task.*), "
					+ "and @TransactionalEventListener runs work after a commit")
			.check(ApplicationClasses.get());
	}

	/**
	 * Classes annotated @Controller or @ControllerAdvice (or in one, as a nested class).
	 */
	private static DescribedPredicate<JavaClass> inAController() {
		return DescribedPredicate.describe("are controllers or controller advice", (javaClass) -> {
			for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
				if (c.isMetaAnnotatedWith(Controller.class) || c.isMetaAnnotatedWith(ControllerAdvice.class)) {
					return true;
				}
			}
			return false;
		});
	}

	private static DescribedPredicate<JavaClass> databaseAccess() {
		DescribedPredicate<JavaClass> any = DescribedPredicate.alwaysFalse();
		for (Class<?> type : DATABASE_ACCESS) {
			any = any.or(assignableTo(type));
		}
		return any.as("run SQL or JPA queries or transactions of their own");
	}

}
