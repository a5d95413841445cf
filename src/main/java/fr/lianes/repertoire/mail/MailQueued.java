package fr.lianes.repertoire.mail;

/**
 * A mail written to the outbox, published in the transaction that wrote it; once that
 * commits, {@link MailDispatch} sends it.
 *
 * @param id its row in {@code outgoing_mail}
 */
record MailQueued(long id) {
}
