package fr.lianes.repertoire.exchange;

/**
 * An error of the API as {@code application/problem+json} (RFC 9457), in the language of
 * {@code Accept-Language} (French, or English).
 */
record Problem(String type, String title, int status, String detail, String instance) {

}
