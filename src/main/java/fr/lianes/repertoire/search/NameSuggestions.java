package fr.lianes.repertoire.search;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.mapper.orm.Search;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published actors whose name or acronym starts with the words being typed, for
 * suggestions while typing.
 */
@Service
@Transactional(readOnly = true)
public class NameSuggestions {

	private final EntityManager entityManager;

	NameSuggestions(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * The identifiers of the best matching actors, at most {@code max}; none for no word.
	 */
	public List<Long> actors(String typed, int max) {
		TextQuery text = TextQuery.of((typed != null) ? typed : "");
		if (text.isEmpty()) {
			return List.of();
		}
		return Search.session(this.entityManager)
			.search(Search.session(this.entityManager).scope(Object.class, SearchTarget.ACTOR.entityName()))
			.select((f) -> f.id(Long.class))
			.where((f) -> f.simpleQueryString()
				.field(SearchTarget.ACTOR.prefixField())
				.field("acronym")
				.boost(2f)
				.matching(text.words())
				.defaultOperator(BooleanOperator.AND)
				.flags(SimpleQueryFlag.WHITESPACE))
			.sort((f) -> f.score().then().field(SearchTarget.ACTOR.sortField()))
			.fetchHits(max);
	}

}
