package io.getaways.payment.internal;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A refund as an admin asks for it on a payment's page. */
public class RefundForm {

	@NotNull
	@DecimalMin(value = "0.01", message = "must be at least 0.01")
	@Digits(integer = 10, fraction = 2)
	private BigDecimal amount;

	@NotBlank
	@Size(max = 200)
	private String reason;

	public BigDecimal getAmount() {
		return amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
