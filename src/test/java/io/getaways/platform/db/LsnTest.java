package io.getaways.platform.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LsnTest {

	@Test
	void positionsReadAsPostgresWritesThemCompareAndSubtractLikePgWalLsnDiff() {
		assertThat(Lsn.parse("0/0")).isZero();
		assertThat(Lsn.parse("16/B374D848")).isEqualTo(0x16B374D848L);
		assertThat(Lsn.parse("1/0") - Lsn.parse("0/FFFFFFFF")).isEqualTo(1);
		assertThat(Lsn.format(Lsn.parse("16/B374D848"))).isEqualTo("16/B374D848");
		assertThat(Lsn.format(0x100000000L)).isEqualTo("1/0");
	}

	@Test
	void anythingElseIsRefusedNamingTheValue() {
		for (String bad : new String[] { null, "", "12", "/1", "1/", "G/1", "1/2/3", "123456789/0" }) {
			assertThatThrownBy(() -> Lsn.parse(bad)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("not a WAL position");
		}
	}

}
