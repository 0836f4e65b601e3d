package io.getaways.payment.internal;

import java.util.UUID;

import io.getaways.platform.DomainException;

class PaymentNotFoundException extends DomainException {

	PaymentNotFoundException(UUID id) {
		super(Kind.NOT_FOUND, "Payment " + id + " not found");
	}

}
