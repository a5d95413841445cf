package fr.lianes.repertoire.directory;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk load goes only into an empty directory: on the demo directory the tests start
 * with, it writes nothing and says so.
 */
@SpringBootTest(properties = "repertoire.embedded-db.database=search_demo")
class BulkLoadsTests {

	@Autowired
	BulkLoads bulkLoads;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDirectoryWithActorsIsLeftAsItIs() {
		long actors = this.jdbc.sql("select count(*) from actor").query(Long.class).single();
		assertThat(actors).as("the demo directory").isPositive();
		AtomicBoolean written = new AtomicBoolean();
		assertThat(this.bulkLoads.intoEmptyDirectory((writer) -> written.set(true))).isEmpty();
		assertThat(written).as("the rows were not asked for").isFalse();
		assertThat(this.jdbc.sql("select count(*) from actor").query(Long.class).single()).isEqualTo(actors);
	}

}
