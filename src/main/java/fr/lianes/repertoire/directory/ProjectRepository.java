package fr.lianes.repertoire.directory;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectRepository extends JpaRepository<Project, Long> {

	/**
	 * Public projects (published, led by a published actor): those the search index
	 * holds.
	 */
	@Query("select count(p) from Project p where p.published and p.leadActor.published")
	long countPublic();

	@Query("""
			select p from Project p
			join fetch p.leadActor a
			left join fetch p.countries
			left join fetch p.domains d
			left join fetch d.parent
			left join fetch p.partners pa
			left join fetch pa.country
			left join fetch p.otherActors
			where p.slug = :slug and p.published and a.published
			""")
	Optional<Project> findPublicBySlug(String slug);

	@Query(value = """
			select p.slug from project_slug_redirect r join public_project p on p.id = r.project_id
			where r.old_slug = :slug
			""", nativeQuery = true)
	Optional<String> findCurrentSlug(String slug);

}
