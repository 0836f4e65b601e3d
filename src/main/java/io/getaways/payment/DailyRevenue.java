package io.getaways.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Money taken on one UTC day, read straight from payments and refunds (not from the
 * report views); counted as the revenue report counts it: a capture on the day it was
 * captured, a refund on the day it was paid back. For admins.
 */
public interface DailyRevenue {

	/**
	 * One line per currency that moved that day, in currency order.
	 * @throws io.getaways.platform.NotAllowedException for anyone but an admin
	 */
	List<CurrencyRevenue> on(LocalDate day);

	record CurrencyRevenue(String currency, BigDecimal gross, BigDecimal refunded, BigDecimal net) {
	}

}
