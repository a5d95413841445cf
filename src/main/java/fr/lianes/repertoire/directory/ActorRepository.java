package fr.lianes.repertoire.directory;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ActorRepository extends JpaRepository<Actor, Long> {

	Optional<Actor> findBySlug(String slug);

	/** Published actors: those the search index holds. */
	long countByPublishedTrue();

	@Query("""
			select a from Actor a
			join fetch a.type
			join fetch a.commune c
			left join fetch c.epci e
			left join fetch e.territory
			left join fetch a.networks
			where a.slug = :slug and a.published
			""")
	Optional<Actor> findPublishedBySlug(String slug);

	/** The current slug of a published actor that was renamed or merged. */
	@Query(value = """
			select a.slug from actor_slug_redirect r join actor a on a.id = r.actor_id
			where r.old_slug = :slug and a.published
			""", nativeQuery = true)
	Optional<String> findCurrentSlug(String slug);

}
