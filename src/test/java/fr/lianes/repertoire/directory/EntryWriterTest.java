package fr.lianes.repertoire.directory;

import java.util.List;

import fr.lianes.repertoire.directory.EntryCommands.ActorFields;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application on a database of its own without the demo directory, for the tests of
 * the ids and slugs the entry writer hands out; an actor's fields with the first actor
 * type and commune of the reference lists.
 */
@SpringBootTest(properties = { "repertoire.embedded-db.database=bulk_load_ids", "repertoire.demo.load-on-empty=false" })
abstract class EntryWriterTest {

	@Autowired
	EntryWriter writer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	/** An actor's fields: this name, the first type and commune, an address, no more. */
	ActorFields actorFields(String name) {
		return new ActorFields(name, null, actorType(), null, null, "1 rue de la Paix", "59000", commune(), null, null,
				null, null, null, List.of());
	}

	String actorType() {
		return this.jdbc.sql("select min(code) from actor_type").query(String.class).single();
	}

	String commune() {
		return this.jdbc.sql("select min(insee_code) from commune").query(String.class).single();
	}

}
