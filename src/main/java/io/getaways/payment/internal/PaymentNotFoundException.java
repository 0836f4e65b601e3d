package io.getaways.payment.internal;

import java.util.UUID;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

class PaymentNotFoundException extends ApiException {

	PaymentNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND, "Payment " + id + " not found");
	}
}
