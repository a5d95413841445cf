package fr.lianes.repertoire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands the README documents, run as written in their small form, so that they
 * cannot stop working unnoticed. Here the generation of a larger directory without a web
 * server (README, "Larger directories"), which the search benchmark also uses to start
 * the application: in this JVM it runs on the tests' database and an index in memory (the
 * test resources move them there); {@code src/bench/smoke.sh}, run by {@code .ci/run},
 * runs it on the packaged jar with its own data directory, and every benchmark script in
 * a small form.
 */
@ExtendWith(OutputCaptureExtension.class)
class DocumentedCommandsTests {

	@Test
	void theGenerationCommandRunsWithoutAWebServerAndStopsOnceReady(CapturedOutput output) {
		// a database of its own: the directory is generated whichever classes this JVM
		// ran
		// before (one that loaded the demo directory into the shared one would leave
		// nothing to generate)
		RepertoireApplication
			.main(new String[] { "--repertoire.demo.scale=1", "--repertoire.embedded-db.database=documented_commands",
					"--spring.main.web-application-type=none", "--spring.main.banner-mode=off" });
		assertThat(output.getOut()).contains("Started RepertoireApplication")
			.contains("Loaded demo directory: ")
			.doesNotContain("APPLICATION FAILED TO START");
	}

}
