package fr.lianes.repertoire.directory;

import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

/**
 * Keeps only public projects (published, led by a published actor) in the search index:
 * unpublishing a project or its lead actor removes the project's document in the same
 * transaction.
 */
public class PublicProjectRoutingBinder implements RoutingBinder {

	/** Instantiated by Hibernate Search, which requires a public constructor. */
	public PublicProjectRoutingBinder() {
	}

	@Override
	public void bind(RoutingBindingContext context) {
		context.dependencies().use("published").use("leadActor.published");
		context.bridge(Project.class, new Bridge());
	}

	private static final class Bridge implements RoutingBridge<Project> {

		@Override
		public void route(DocumentRoutes routes, Object entityIdentifier, Project project,
				RoutingBridgeRouteContext context) {
			if (project.isPublic()) {
				routes.addRoute();
			}
			else {
				routes.notIndexed();
			}
		}

		@Override
		public void previousRoutes(DocumentRoutes routes, Object entityIdentifier, Project project,
				RoutingBridgeRouteContext context) {
			routes.addRoute();
		}

	}

}
