package fr.lianes.repertoire;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic work runs on Spring's scheduler (Boot's {@code taskScheduler}, settings
 * {@code spring.task.scheduling.*}): modules register it with {@code @Scheduled} or a
 * {@code SchedulingConfigurer}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
