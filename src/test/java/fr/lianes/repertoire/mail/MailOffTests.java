package fr.lianes.repertoire.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code spring.mail.host} the application starts, says mail is off once, and
 * keeps mails queued; its logs name the subject and a masked recipient, never a body. The
 * mail module alone ({@link MailModuleTest}), not the whole application.
 */
@MailModuleTest
@TestPropertySource(properties = "repertoire.mail.poll-interval=1h")
@ExtendWith(OutputCaptureExtension.class)
class MailOffTests {

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ObjectProvider<JavaMailSender> mailSender;

	@Test
	void startsWithoutSmtpAndKeepsMailsQueuedWithoutLoggingTheirBodies(CapturedOutput output) {
		assertThat(this.mailSender.getIfAvailable()).isNull();
		assertThat(output.getAll()).contains("Mail is off");

		Map<String, Object> model = new HashMap<>();
		model.put("actorName", "Amitié Lille-Tanguiéta");
		model.put("summary", List.of("Projet : Une école à Tanguiéta (Bénin)"));
		model.put("unsubscribeUrl", "https://repertoire.example/desinscription/jeton-tres-secret");
		long id = this.outbox.enqueue("census-confirmation", "dominique.discrete@asso.example", model,
				MailPurposes.CENSUS_CONFIRMATION, "submission:7");

		assertThat(output.getAll()).contains("d***@asso.example")
			.contains("Votre réponse au recensement a bien été reçue")
			.doesNotContain("dominique.discrete")
			.doesNotContain("jeton-tres-secret")
			.doesNotContain("Tanguiéta");
		Map<String, Object> row = this.jdbc
			.sql("select sent_at, failed_at, text_body from outgoing_mail where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("sent_at", null).containsEntry("failed_at", null);
		assertThat((String) row.get("text_body")).contains("jeton-tres-secret");
	}

}
