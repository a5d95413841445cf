package fr.lianes.repertoire.imports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests of an import stopped on the way (a restart, an instance taking over
 * another's job) check once it finished, and the database reads they check it with.
 */
final class ImportAssertions {

	private ImportAssertions() {
	}

	/** A database read outside the application, by its JDBC address and account. */
	record Database(String url, String user, String password) {

		long number(String sql) throws Exception {
			return ImportAssertions.number(this.url, this.user, this.password, sql);
		}

		String text(String sql) throws Exception {
			return ImportAssertions.text(this.url, this.user, this.password, sql);
		}

	}

	/**
	 * An import of {@code actors} actors each leading one project, into an empty
	 * directory, finished with every row imported exactly once: its report page says so,
	 * the job is done, each actor and project is there once with its old identifier, and
	 * each entry has one history row « import ».
	 * @param done the report page once the import finished
	 */
	static void importedExactlyOnce(Document done, Database database, int actors) throws Exception {
		assertThat(done.select("[role=status]").text()).startsWith("Import terminé");
		assertThat(done.select("table caption:contains(Fiches importées) ~ tbody tr").eachText())
			.containsExactly("Structures " + actors + " 0 0 0 0", "Projets " + actors + " 0 0 0 0");
		assertThat(database.text("select state from import_job")).isEqualTo("DONE");
		assertThat(database.number("select count(*) from actor")).isEqualTo(actors);
		assertThat(database.number("select count(distinct name) from actor")).isEqualTo(actors);
		assertThat(database.number("select count(*) from project")).isEqualTo(actors);
		assertThat(database.number("select count(*) from actor_legacy_id")).isEqualTo(actors);
		assertThat(database.number("select count(*) from change_log where action = 'IMPORTED'"))
			.as("each entry written once")
			.isEqualTo(2L * actors);
		assertThat(database.number("""
				select count(*) from (select entity_type, entity_id from change_log where action = 'IMPORTED'
				group by entity_type, entity_id having count(*) > 1) twice""")).isZero();
		assertThat(database.number("select count(*) from import_job_entry")).isEqualTo(2L * actors);
	}

	/** A made-up word for the number: names that do not look alike. */
	static String word(int n) {
		StringBuilder word = new StringBuilder();
		long x = n * 2654435761L;
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + (int) Math.floorMod(x >> (i * 4), 26L)));
		}
		word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
		return word.toString();
	}

	static long number(String url, String user, String password, String sql) throws Exception {
		return Long.parseLong(text(url, user, password, sql));
	}

	static String text(String url, String user, String password, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
