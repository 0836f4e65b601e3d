package io.getaways.payment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.JsonRows;
import io.getaways.platform.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A traveller's payments and refunds. They are accounting records and are kept after an
 * erasure (they name no more than amounts and the gateway's references); the stored
 * answers of idempotent requests, which may repeat what the person sent, are deleted.
 */
@Component
@Order(20)
class PaymentPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	PaymentPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "payments";
	}

	@Override
	public Object export(UUID userId) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("payments", rows("""
				SELECT id, booking_id, amount, currency, status, failure_reason, refunded_amount, created_at
				FROM app.payments WHERE user_id = :user ORDER BY created_at""", userId));
		section.put("refunds", rows("""
				SELECT id, payment_id, booking_id, amount, currency, status, reason, created_at
				FROM app.refunds WHERE user_id = :user ORDER BY created_at""", userId));
		return section;
	}

	@Override
	public int erase(UUID userId) {
		return jdbc.sql("DELETE FROM app.idempotency_keys WHERE user_id = :user").param("user", userId).update();
	}

	private List<Map<String, Object>> rows(String sql, UUID userId) {
		return jdbc.sql(sql).param("user", userId).query((row, n) -> JsonRows.of(row)).list();
	}

}
