package fr.lianes.repertoire.directory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import fr.lianes.repertoire.search.SearchAnalyzers;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Adds to an actor's document what its public projects (led or joined) say: the countries
 * and domains to filter and count on, and the titles, places, partners and descriptions
 * to search in.
 * <p>
 * A bridge rather than {@code @IndexedEmbedded}: only public projects count, and an
 * embedding cannot filter. The dependencies below make Hibernate Search reindex the
 * actors of a project whenever the project, its publication or its lead actor's
 * publication changes.
 */
public class ActorProjectsBinder implements TypeBinder {

	/** Instantiated by Hibernate Search, which requires a public constructor. */
	public ActorProjectsBinder() {
	}

	private static final List<String> ASSOCIATIONS = List.of("ledProjects", "joinedProjects");

	private static final List<String> PROJECT_PROPERTIES = List.of("published", "leadActor.published", "title",
			"localities", "partnerAuthority", "countries", "domains", "partners", "description");

	@Override
	public void bind(TypeBindingContext context) {
		for (String association : ASSOCIATIONS) {
			for (String property : PROJECT_PROPERTIES) {
				context.dependencies().use(association + "." + property);
			}
		}
		IndexFieldTypeFactory types = context.typeFactory();
		var keyword = types.asString().aggregable(Aggregable.YES).toIndexFieldType();
		// lists without length norms: an actor with ten projects, one of them in Kayes,
		// works in Kayes as much as an actor with that one project
		var list = types.asString()
			.analyzer(SearchAnalyzers.FRENCH)
			.searchAnalyzer(SearchAnalyzers.FRENCH_SEARCH)
			.norms(Norms.NO)
			.toIndexFieldType();
		// free text keeps them: a word in a short description says more than in a long
		// one
		var text = types.asString()
			.analyzer(SearchAnalyzers.FRENCH)
			.searchAnalyzer(SearchAnalyzers.FRENCH_SEARCH)
			.toIndexFieldType();
		IndexSchemaElement schema = context.indexSchemaElement();
		context.bridge(Actor.class,
				new Bridge(schema.field("countries", keyword).multiValued().toReference(),
						schema.field("countryNames", list).multiValued().toReference(),
						schema.field("domains", keyword).multiValued().toReference(),
						schema.field("domainNames", list).multiValued().toReference(),
						schema.field("localities", list).multiValued().toReference(),
						schema.field("partners", list).multiValued().toReference(),
						schema.field("projectTitles", list).multiValued().toReference(),
						schema.field("projectDescriptions", text).multiValued().toReference()));
	}

	private record Bridge(IndexFieldReference<String> countries, IndexFieldReference<String> countryNames,
			IndexFieldReference<String> domains, IndexFieldReference<String> domainNames,
			IndexFieldReference<String> localities, IndexFieldReference<String> partners,
			IndexFieldReference<String> titles, IndexFieldReference<String> descriptions) implements TypeBridge<Actor> {

		@Override
		public void write(DocumentElement target, Actor actor, TypeBridgeWriteContext context) {
			List<Project> projects = Stream.concat(actor.getLedProjects().stream(), actor.getJoinedProjects().stream())
				.filter(Project::isPublic)
				.toList();
			add(target, this.countries, projects, Project::getCountryCodes);
			add(target, this.countryNames, projects, Project::getCountryNames);
			add(target, this.domains, projects, Project::getDomainSlugs);
			add(target, this.domainNames, projects, Project::getDomainNames);
			add(target, this.localities, projects, Project::getPlaces);
			add(target, this.partners, projects, Project::getPartnerNames);
			add(target, this.titles, projects, (project) -> List.of(project.getTitle()));
			add(target, this.descriptions, projects,
					(project) -> (project.getDescription() != null) ? List.of(project.getDescription()) : List.of());
		}

		private static void add(DocumentElement target, IndexFieldReference<String> field, List<Project> projects,
				Function<Project, ? extends java.util.Collection<String>> values) {
			Set<String> distinct = new LinkedHashSet<>();
			projects.forEach((project) -> distinct.addAll(values.apply(project)));
			distinct.forEach((value) -> target.addValue(field, value));
		}

	}

}
