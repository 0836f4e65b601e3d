package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundPolicyTest {

	private final RefundPolicy defaults = RefundPolicy.parse(List.of("30d:100", "7d:50"));

	@Test
	void theLongestNoticeMetDecides() {
		assertThat(defaults.percentFor(Duration.ofDays(90))).isEqualTo(100);
		assertThat(defaults.percentFor(Duration.ofDays(30))).isEqualTo(100);
		assertThat(defaults.percentFor(Duration.ofDays(30).minusSeconds(1))).isEqualTo(50);
		assertThat(defaults.percentFor(Duration.ofDays(7))).isEqualTo(50);
		assertThat(defaults.percentFor(Duration.ofDays(7).minusSeconds(1))).isZero();
		assertThat(defaults.percentFor(Duration.ZERO)).isZero();
	}

	@Test
	void amountsAreRoundedHalfUpToTheCent() {
		assertThat(defaults.refundFor(new BigDecimal("100.01"), Duration.ofDays(10))).isEqualByComparingTo("50.01");
		assertThat(defaults.refundFor(new BigDecimal("0.01"), Duration.ofDays(10))).isEqualByComparingTo("0.01");
		assertThat(defaults.refundFor(new BigDecimal("1599.98"), Duration.ofDays(40))).isEqualByComparingTo("1599.98");
		assertThat(RefundPolicy.parse(List.of("14d:33")).refundFor(new BigDecimal("10.00"), Duration.ofDays(20)))
			.isEqualByComparingTo("3.30");
	}

	@Test
	void tiersMayComeInAnyOrderAndWithAPercentSign() {
		RefundPolicy policy = RefundPolicy.parse(List.of(" 48h : 25% ", "14d:80"));
		assertThat(policy.percentFor(Duration.ofDays(15))).isEqualTo(80);
		assertThat(policy.percentFor(Duration.ofDays(3))).isEqualTo(25);
		assertThat(policy.percentFor(Duration.ofHours(47))).isZero();
		assertThat(RefundPolicy.parse(List.of()).percentFor(Duration.ofDays(999))).as("no tiers: no refunds").isZero();
	}

	@Test
	void contradictionsFailNamingTheProperty() {
		assertThatThrownBy(() -> RefundPolicy.parse(List.of("30d:50", "7d:100")))
			.hasMessageContaining("getaways.bookings.refund.tiers")
			.hasMessageContaining("shorter notice");
		assertThatThrownBy(() -> RefundPolicy.parse(List.of("7d:100", "7d:50"))).hasMessageContaining("two tiers");
		assertThatThrownBy(() -> RefundPolicy.parse(List.of("30d:150"))).hasMessageContaining("'30d:150'");
		assertThatThrownBy(() -> RefundPolicy.parse(List.of("soon:50"))).hasMessageContaining("'soon:50'");
		assertThatThrownBy(() -> RefundPolicy.parse(List.of("30d"))).hasMessageContaining("notice:percent");
	}

}
