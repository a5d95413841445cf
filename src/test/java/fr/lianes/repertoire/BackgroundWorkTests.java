package fr.lianes.repertoire;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application's executors (moved from {@code mail.MailDeliveryTests}, which now
 * starts the mail module alone). Same settings as {@code PublicPagesTests}: the
 * application those tests start is reused, none is started for this class.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BackgroundWorkTests {

	@Autowired
	private ApplicationContext context;

	/**
	 * Background work runs on Spring's executors, one per kind of work, and the executors
	 * the application declares do not push Boot's own aside: Spring MVC's async requests
	 * keep {@code applicationTaskExecutor}, and the mail poll runs on Boot's scheduler.
	 */
	@Test
	void eachKindOfBackgroundWorkHasItsExecutorBesideBootsOwn() {
		assertThat(this.context.getBean("applicationTaskExecutor")).isInstanceOf(AsyncTaskExecutor.class);
		assertThat(this.context.getBeansOfType(TaskScheduler.class)).containsKeys("taskScheduler",
				"databaseWatchdogScheduler");
		Map<String, ThreadPoolTaskExecutor> executors = this.context.getBeansOfType(ThreadPoolTaskExecutor.class);
		assertThat(executors).containsKeys("mailDispatchExecutor", "campaignMailingExecutor", "searchReindexExecutor",
				"searchRebuildExecutor", "backupExecutor");
		assertThat(executors.get("mailDispatchExecutor").getMaxPoolSize()).isOne();
		assertThat(executors.get("campaignMailingExecutor").getMaxPoolSize()).isOne();
		assertThat(executors.get("searchReindexExecutor").getMaxPoolSize()).isOne();
		assertThat(executors.get("mailDispatchExecutor").getThreadNamePrefix()).isEqualTo("mail-dispatch-");
	}

}
