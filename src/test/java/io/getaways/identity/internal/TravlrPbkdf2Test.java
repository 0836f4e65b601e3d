package io.getaways.identity.internal;

import java.util.HexFormat;

import io.getaways.platform.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TravlrPbkdf2Test {

	/**
	 * Made with Node: crypto.pbkdf2Sync('secret', salt, 1000, 64, 'sha512'), salt as
	 * text.
	 */
	private static final String SALT = "00112233445566778899aabbccddeeff";

	@Test
	void aHashMadeAsTravlrMakesItVerifiesWithItsPasswordOnly() {
		String hash = HexFormat.of().formatHex(TravlrPbkdf2.derive("secret", SALT, 1000, 512));
		String stored = TravlrPbkdf2.stored(SALT, hash.toUpperCase());

		assertThat(stored).isEqualTo("{travlr-pbkdf2}1000$" + SALT + "$" + hash);
		assertThat(TravlrPbkdf2.isStored(stored)).isTrue();
		assertThat(TravlrPbkdf2.matches("secret", stored)).isTrue();
		assertThat(TravlrPbkdf2.matches("Secret", stored)).isFalse();
		assertThat(TravlrPbkdf2.matches("secret", stored.replace("$0011", "$0012"))).isFalse();
	}

	@Test
	void theSaltIsItsHexTextAsTravlrUsesItNotTheBytesItSpells() throws Exception {
		javax.crypto.spec.PBEKeySpec overBytes = new javax.crypto.spec.PBEKeySpec("secret".toCharArray(),
				HexFormat.of().parseHex(SALT), 1000, 512);
		String hashOverBytes = HexFormat.of()
			.formatHex(javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
				.generateSecret(overBytes)
				.getEncoded());
		String hashOverText = HexFormat.of().formatHex(TravlrPbkdf2.derive("secret", SALT, 1000, 512));

		assertThat(TravlrPbkdf2.matches("secret", TravlrPbkdf2.stored(SALT, hashOverText))).isTrue();
		assertThat(TravlrPbkdf2.matches("secret", TravlrPbkdf2.stored(SALT, hashOverBytes))).isFalse();
	}

	@Test
	void malformedSaltsAndHashesAreRefusedByFieldWithoutTheirValue() {
		assertThatThrownBy(() -> TravlrPbkdf2.stored("not hex", "ab".repeat(64)))
			.isInstanceOf(InvalidParameterException.class)
			.hasMessageContaining("'salt'")
			.hasMessageNotContaining("not hex");
		assertThatThrownBy(() -> TravlrPbkdf2.stored(SALT, "abcd")).isInstanceOf(InvalidParameterException.class)
			.hasMessageContaining("'hash'")
			.hasMessageNotContaining("abcd");
	}

	@Test
	void argon2HashesAreNotImportedOnes() {
		assertThat(TravlrPbkdf2.isStored("$argon2id$v=19$m=19456,t=2,p=1$abc$def")).isFalse();
		assertThat(TravlrPbkdf2.matches("secret", "$argon2id$v=19$m=19456,t=2,p=1$abc$def")).isFalse();
	}

}
