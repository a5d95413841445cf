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
		RepertoireApplication.main(new String[] { "--repertoire.demo.scale=1",
				"--spring.main.web-application-type=none", "--spring.main.banner-mode=off" });
		assertThat(output.getOut()).contains("Started RepertoireApplication")
			.doesNotContain("APPLICATION FAILED TO START");
	}

}
