package fr.lianes.repertoire.directory;

import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

/**
 * Keeps only published actors in the search index: unpublishing an actor removes its
 * document in the same transaction.
 */
public class PublishedActorRoutingBinder implements RoutingBinder {

	/** Instantiated by Hibernate Search, which requires a public constructor. */
	public PublishedActorRoutingBinder() {
	}

	@Override
	public void bind(RoutingBindingContext context) {
		context.dependencies().use("published");
		context.bridge(Actor.class, new Bridge());
	}

	private static final class Bridge implements RoutingBridge<Actor> {

		@Override
		public void route(DocumentRoutes routes, Object entityIdentifier, Actor actor,
				RoutingBridgeRouteContext context) {
			if (actor.isPublished()) {
				routes.addRoute();
			}
			else {
				routes.notIndexed();
			}
		}

		@Override
		public void previousRoutes(DocumentRoutes routes, Object entityIdentifier, Actor actor,
				RoutingBridgeRouteContext context) {
			// a single route: the document, if any, is where it would be
			routes.addRoute();
		}

	}

}
