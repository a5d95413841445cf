package fr.lianes.repertoire.testing;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

/**
 * Lets the executors of a paused test context finish their shutdown when it closes. The
 * test framework pauses the contexts it keeps in its cache while another one is in use:
 * their executors stop handing out tasks, and a worker that had already taken one (the
 * scheduler's mail poll, every 200 ms) waits to be resumed. Closing the context shuts the
 * executor down gracefully ({@code spring.task.scheduling.shutdown.await-termination},
 * the mail, reindex and campaign executors likewise) but does not wake that worker, so
 * each paused context waited out its executors' whole termination period (10 s) when the
 * test JVM ended, and Surefire killed the JVM after 30 s. Resumed when their context
 * closes, such executors shut down as they do in production: the task taken runs, the
 * next ones are refused.
 */
public class PausedExecutorsOnClose implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			if (event.getApplicationContext() != context) {
				return;
			}
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			for (String name : beans.getBeanNamesForType(ExecutorConfigurationSupport.class, false, false)) {
				// only those created: none is created while the context closes
				if (beans.containsSingleton(name)
						&& beans.getSingleton(name) instanceof ExecutorConfigurationSupport executor
						&& !executor.isRunning()) {
					executor.start();
				}
			}
		});
	}

}
