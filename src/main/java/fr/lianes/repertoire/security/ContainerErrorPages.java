package fr.lianes.repertoire.security;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.HtmlUtils;

/**
 * What Tomcat answers by itself, before the application sees a request (a malformed
 * request line or header, an unknown transfer coding): a short French page carrying the
 * same {@link SecurityHeaders} as every other response, instead of Tomcat's report
 * without any. Errors inside the application keep their own pages (templates/error).
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final MessageSource messages;

	private final ObjectProvider<ResourceUrlProvider> resourceUrls;

	ContainerErrorPages(MessageSource messages, ObjectProvider<ResourceUrlProvider> resourceUrls) {
		this.messages = messages;
		this.resourceUrls = resourceUrls;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Host host = (Host) context.getParent();
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new Report(SecurityHeaders.writers()));
			// the host adds its own report valve at start unless one of this class is
			// there
			if (host instanceof StandardHost standard) {
				standard.setErrorReportValveClass(Report.class.getName());
			}
		});
	}

	private String page(int status) {
		String kind = (status >= 500) ? "5xx" : ((status == 404) ? "404" : "4xx");
		String title = message("error." + kind + ".title");
		String stylesheet = "/assets/css/repertoire.css";
		ResourceUrlProvider urls = this.resourceUrls.getIfAvailable();
		if (urls != null) {
			String versioned = urls.getForLookupPath(stylesheet);
			stylesheet = (versioned != null) ? versioned : stylesheet;
		}
		return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + "<title>" + title + " – "
				+ message("site.name") + "</title><link rel=\"stylesheet\" href=\"" + stylesheet + "\"></head>"
				+ "<body><main id=\"contenu\" class=\"container\"><div class=\"error-page\"><h1>" + title + "</h1><p>"
				+ message("error." + kind + ".text") + "</p><p><a href=\"/\">" + message("error.home")
				+ "</a></p></div></main></body></html>\n";
	}

	private String message(String key) {
		return HtmlUtils.htmlEscape(this.messages.getMessage(key, null, Locale.FRENCH));
	}

	/** Tomcat's error report, with our headers and our words. */
	final class Report extends ErrorReportValve {

		private final List<HeaderWriter> headers;

		Report(List<HeaderWriter> headers) {
			this.headers = headers;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			for (HeaderWriter writer : this.headers) {
				writer.writeHeaders(request, response);
			}
			try {
				response.setContentType("text/html");
				response.setCharacterEncoding("UTF-8");
				response.setLocale(Locale.FRENCH);
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(page(status));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone, or the response could not be written: nothing to
				// add
			}
		}

	}

}
