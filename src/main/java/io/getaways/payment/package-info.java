/**
 * Payments, refunds, idempotency keys and the payment gateway port (a simulated gateway
 * adapter ships).
 */
@org.springframework.modulith.ApplicationModule(displayName = "payment",
		allowedDependencies = { "platform", "platform :: config", "platform :: web" })
package io.getaways.payment;
