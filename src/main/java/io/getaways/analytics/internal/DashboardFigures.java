package io.getaways.analytics.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's headline figures and chart series, taken from report rows. */
final class DashboardFigures {

	private DashboardFigures() {
	}

	/** Net revenue of the month per currency; empty when nothing was paid. */
	static Map<String, BigDecimal> ofMonth(List<Map<String, Object>> revenueByMonth, LocalDate month) {
		Map<String, BigDecimal> net = new LinkedHashMap<>();
		for (Map<String, Object> row : revenueByMonth) {
			if (month.equals(date(row.get("month")))) {
				net.merge(String.valueOf(row.get("currency")), decimal(row.get("net")), BigDecimal::add);
			}
		}
		return net;
	}

	/** The funnel row of the week holding the day, or null. */
	static Map<String, Object> ofWeek(List<Map<String, Object>> funnelByWeek, LocalDate day) {
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return funnelByWeek.stream().filter(row -> monday.equals(date(row.get("week")))).findFirst().orElse(null);
	}

	/**
	 * The chart's data: month starts as Unix seconds and the net revenue of the first
	 * currency seen, the one the chart draws; the table beside it lists every currency.
	 */
	static Map<String, Object> chart(List<Map<String, Object>> revenueByMonth) {
		String currency = revenueByMonth.isEmpty() ? "" : String.valueOf(revenueByMonth.get(0).get("currency"));
		List<Long> months = new ArrayList<>();
		List<BigDecimal> net = new ArrayList<>();
		for (Map<String, Object> row : revenueByMonth) {
			if (currency.equals(String.valueOf(row.get("currency")))) {
				months.add(date(row.get("month")).toEpochDay() * 86_400);
				net.add(decimal(row.get("net")));
			}
		}
		return Map.of("currency", currency, "months", months, "net", net);
	}

	private static LocalDate date(Object value) {
		return value instanceof LocalDate date ? date : LocalDate.parse(String.valueOf(value).substring(0, 10));
	}

	private static BigDecimal decimal(Object value) {
		return value instanceof BigDecimal number ? number : new BigDecimal(String.valueOf(value));
	}

}
