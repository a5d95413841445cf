package fr.lianes.repertoire.directory;

import java.util.Optional;

import fr.lianes.repertoire.search.IndexPreparation;
import fr.lianes.repertoire.search.SearchIndexer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.ModelAndViewDefiningException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While the search index is checked or rebuilt at start, the pages whose lists, counts or
 * suggestions come from it say that the directory is being prepared, with the progress,
 * instead of showing an empty or partial list. The rest (actor and project pages, the
 * questionnaire, the key figures, the back office) reads the database and keeps working.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryPreparation implements WebMvcConfigurer, HandlerInterceptor {

	/** The pages that read the search index. */
	static final String[] INDEX_PAGES = { "/", "/acteurs", "/projets", "/pays", "/pays/*", "/domaines", "/domaines/*",
			"/territoires", "/territoires/*", "/suggestions" };

	private final ObjectProvider<SearchIndexer> indexer;

	DirectoryPreparation(ObjectProvider<SearchIndexer> indexer) {
		this.indexer = indexer;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(INDEX_PAGES);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws ModelAndViewDefiningException {
		SearchIndexer indexer = this.indexer.getIfAvailable();
		Optional<IndexPreparation> preparation = (indexer != null) ? indexer.preparation() : Optional.empty();
		if (preparation.isEmpty()) {
			return true;
		}
		String query = request.getQueryString();
		ModelAndView page = new ModelAndView(
				(request.getHeader("HX-Request") != null) ? "directory/preparing :: notice" : "directory/preparing");
		page.addObject("preparation", preparation.get());
		page.addObject("reload", request.getRequestURI() + ((query != null) ? "?" + query : ""));
		// never kept by a cache: the page's lists come back once the index is whole
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		// rendered instead of the page, with a 200: the page is there, its lists are not
		// yet
		throw new ModelAndViewDefiningException(page);
	}

}
