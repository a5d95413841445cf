package fr.lianes.repertoire.security;

/**
 * What a staff member may do: moderators review and edit, administrators also run the
 * directory.
 */
public enum StaffRole {

	MODERATOR, ADMIN

}
