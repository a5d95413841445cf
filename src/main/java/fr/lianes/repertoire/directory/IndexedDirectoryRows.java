package fr.lianes.repertoire.directory;

import fr.lianes.repertoire.search.IndexedRows;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the search index should hold of the directory: one document per published actor
 * and per public project (the routing binders leave the others out). At start, an index
 * whose documents do not add up to these counts is rebuilt.
 */
@Configuration(proxyBeanMethods = false)
class IndexedDirectoryRows {

	@Bean
	IndexedRows publishedActors(ActorRepository actors) {
		return new IndexedRows(Actor.class, actors::countByPublishedTrue);
	}

	@Bean
	IndexedRows publicProjects(ProjectRepository projects) {
		return new IndexedRows(Project.class, projects::countPublic);
	}

}
