package fr.lianes.repertoire.directory;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIREN/SIRET and RNA checks, in Java and in the database's constraints, agree.
 */
@SpringBootTest(properties = "repertoire.embedded-db.database=search_demo")
class IdentifiersTests {

	private static final List<String> NUMBERS = List.of("732829320", "73282932000074", "35600000049837",
			"35600000000049", "732829321", "73282932000075", "12345678", "1234567890123a", "552100554",
			"55210055400013", "000000000");

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "732829320", "73282932000074", "552100554", "55210055400013", "35600000049837" })
	void acceptsRealSirenAndSiret(String number) {
		assertThat(Identifiers.isValidSirenOrSiret(number)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "732829321", "73282932000075", "35600000000049", "12345678", "1234567890123a",
			"7328293200007", " 732829320", "" })
	void rejectsSirenAndSiretWithBadCheckDigitOrShape(String number) {
		assertThat(Identifiers.isValidSirenOrSiret(number)).isFalse();
	}

	@Test
	void checksRnaNumbers() {
		assertThat(Identifiers.isValidRna("W595012345")).isTrue();
		assertThat(Identifiers.isValidRna("W2A1000123")).isTrue();
		assertThat(Identifiers.isValidRna("595012345")).isFalse();
		assertThat(Identifiers.isValidRna("W59501234")).isFalse();
		assertThat(Identifiers.isValidRna("w595012345")).isFalse();
	}

	@Test
	void databaseConstraintAgreesWithJava() {
		for (String number : NUMBERS) {
			Boolean database = this.jdbc.sql("select is_valid_siren_or_siret(:n)")
				.param("n", number)
				.query(Boolean.class)
				.single();
			assertThat(database).as(number).isEqualTo(Identifiers.isValidSirenOrSiret(number));
		}
	}

}
