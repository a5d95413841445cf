package fr.lianes.repertoire.mail;

/**
 * How far the mails of a group (a campaign, a submission) have gone.
 *
 * @param sent mails handed to the SMTP server
 * @param pending mails queued or waiting for a retry
 * @param failed mails given up after their last attempt or because they waited too long
 */
public record MailStatus(long sent, long pending, long failed) {

	public long total() {
		return this.sent + this.pending + this.failed;
	}

}
