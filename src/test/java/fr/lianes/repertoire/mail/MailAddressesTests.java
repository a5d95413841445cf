package fr.lianes.repertoire.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A recipient is one bare address: nothing that could add a header or a recipient.
 */
class MailAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "camille@asso.example", "camille.testeuse+recensement@asso-lille.example",
			"o'brien@mairie.example", "contact@lianescooperation.org" })
	void acceptsSingleAddresses(String address) {
		assertThat(MailAddresses.requireValid(" " + address + " ")).isEqualTo(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "camille@asso.example\r\nBcc: victim@example.org", "camille@asso.example\nBcc:x@y.org",
			"camille@asso.example\r", "camille@asso.example, autre@asso.example",
			"camille@asso.example;autre@asso.example", "Camille <camille@asso.example>",
			"\"Camille\" <camille@asso.example>", "undisclosed:;", "camille@asso.example (commentaire)", "camille",
			"@asso.example", "camille@", "camille@@asso.example", "camille..testeuse@asso.example",
			"camille@asso..example", "camille@asso.example\u0000", "", " ", "camille@asso.exämple" })
	void refusesAnythingElse(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> MailAddresses.requireValid(value));
	}

	/**
	 * Issue 12, defect 15: {@code a@b} was accepted, and mail to it could never leave.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "a@b", "camille@localhost", "camille@asso", "camille@1.2.3.4", "camille@asso.",
			"camille@.asso.example", "camille@asso.e", "camille@-asso.example", "camille@asso-.example",
			"camille@asso.example-" })
	void refusesDomainsWithoutADotOrATopLevelDomain(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> MailAddresses.requireValid(value));
		assertThat(MailOutbox.isDeliverable(value)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "camille@asso.example\r\nBcc: victim@example.org" })
	void masksWithoutControlCharacters(String value) {
		assertThat(MailAddresses.mask(value)).doesNotContain("\r").doesNotContain("\n").startsWith("c***@");
	}

	@Test
	void masksTheLocalPart() {
		assertThat(MailAddresses.mask("camille@asso.example")).isEqualTo("c***@asso.example");
	}

}
