package fr.lianes.repertoire;

import java.util.Arrays;
import java.util.Map;

import fr.lianes.repertoire.backup.RestoreCommand;
import fr.lianes.repertoire.imports.ImportCommand;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Répertoire: the directory of the international-cooperation actors of Hauts-de-France.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RepertoireApplication {

	/**
	 * Commands run instead of the web application ({@code java -jar repertoire.jar NAME
	 * ...}), each with a configuration of its own: an {@code ApplicationRunner} that
	 * reads its arguments and an {@code ExitCodeGenerator}. A new command is one more
	 * entry.
	 */
	static final Map<String, Class<?>> COMMANDS = Map.of("restore", RestoreCommand.class, "import",
			ImportCommand.class);

	public static void main(String[] args) {
		if (args.length > 0 && COMMANDS.containsKey(args[0])) {
			System.exit(runCommand(args));
		}
		ConfigurableApplicationContext context;
		try {
			context = SpringApplication.run(RepertoireApplication.class, args);
		}
		catch (SpringApplication.AbandonedRunException ex) {
			// stopped while starting (the search index being rebuilt): the shutdown said
			// so
			return;
		}
		// Without a web server, a run is a batch (generate a large demo directory,
		// rebuild the
		// index): once ready, stop, or the search engine's threads would keep the JVM
		// alive.
		if (!(context instanceof WebServerApplicationContext)) {
			context.close();
		}
	}

	/**
	 * Runs a command of {@link #COMMANDS}, the web server off.
	 * @param args the command's name, then its arguments and {@code --name=value}
	 * settings
	 * @return the command's exit code
	 */
	public static int runCommand(String... args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(COMMANDS.get(args[0]))
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(commandArguments(args));
		return SpringApplication.exit(context);
	}

	/**
	 * A command's arguments and settings: a command works on the data it is given, and
	 * never loads the demo directory into an empty database first.
	 */
	private static String[] commandArguments(String... args) {
		String[] arguments = Arrays.copyOfRange(args, 1, args.length + 1);
		arguments[arguments.length - 1] = "--repertoire.demo.load-on-empty=false";
		return arguments;
	}

}
