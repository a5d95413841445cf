package fr.lianes.repertoire.directory;

/**
 * An actor is being merged into another, inside the merge's transaction: published after
 * the directory moved its own rows and before the merged actor is deleted (its rows in
 * other tables are deleted with it, or lose it). Each module that keeps rows of actors
 * moves them to the survivor in a synchronous {@code @EventListener}; a failure rolls the
 * whole merge back.
 *
 * @param by the staff member's email
 */
public record ActorsMerging(long survivorId, long mergedId, String by) {
}
