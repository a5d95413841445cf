package fr.lianes.repertoire.web;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Ends the start-up log with one line saying that the directory is ready, and where: once
 * the application accepts traffic, that is after the search index was found whole or
 * rebuilt.
 */
@Component
class ReadyAnnouncement {

	private static final Log logger = LogFactory.getLog(ReadyAnnouncement.class);

	private final AtomicBoolean announced = new AtomicBoolean();

	private final String host;

	private final String contextPath;

	private volatile Integer port;

	ReadyAnnouncement(@Value("${server.address:}") String address,
			@Value("${server.servlet.context-path:}") String contextPath) {
		this.host = StringUtils.hasText(address) ? address : "localhost";
		this.contextPath = contextPath;
	}

	@EventListener
	void webServerStarted(WebServerInitializedEvent event) {
		// the site's server, not a separate management one
		if (!StringUtils.hasText(event.getApplicationContext().getServerNamespace())) {
			this.port = event.getWebServer().getPort();
		}
	}

	@EventListener
	void readinessChanged(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && this.announced.compareAndSet(false, true)) {
			Integer port = this.port;
			logger.info((port != null) ? "Répertoire is ready on http://%s:%d%s/".formatted(this.host, port,
					this.contextPath.replaceAll("/$", "")) : "Répertoire is ready (no web server)");
		}
	}

}
