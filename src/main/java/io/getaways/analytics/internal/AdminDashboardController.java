package io.getaways.analytics.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.getaways.booking.DailyBookings;
import io.getaways.payment.DailyRevenue;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The admin console's dashboard: revenue, bookings and occupancy from the same report
 * views as {@code /api/v1/admin/reports}, as tables with a revenue chart above them. The
 * views are as fresh as their last refresh, which the page states and can start; today's
 * bookings and revenue are read live from the booking and payment modules.
 */
@Controller
@BrowserPage
@Hidden
class AdminDashboardController {

	private static final Logger log = LoggerFactory.getLogger(AdminDashboardController.class);

	static final int MONTHS_SHOWN = 12;

	static final int WEEKS_SHOWN = 8;

	static final int DEPARTURE_DAYS = 30;

	private final ReportQueries queries;

	private final ReportViews views;

	private final DailyBookings bookings;

	private final DailyRevenue revenue;

	AdminDashboardController(ReportQueries queries, ReportViews views, DailyBookings bookings, DailyRevenue revenue) {
		this.queries = queries;
		this.views = views;
		this.bookings = bookings;
		this.revenue = revenue;
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Report revenue = queries.run("revenue", "month", null, null, null);
		Report funnel = queries.run("funnel", "week", null, null, null);
		model.addAttribute("today", today);
		model.addAttribute("todayBookings", bookings.on(today));
		model.addAttribute("todayRevenue", this.revenue.on(today));
		model.addAttribute("revenue", last(revenue.rows(), MONTHS_SHOWN));
		model.addAttribute("funnel", last(funnel.rows(), WEEKS_SHOWN));
		model.addAttribute("departures", departures(today));
		model.addAttribute("refreshedAt", revenue.refreshedAt());
		model.addAttribute("thisMonth", DashboardFigures.ofMonth(revenue.rows(), today.withDayOfMonth(1)));
		model.addAttribute("thisWeek", DashboardFigures.ofWeek(funnel.rows(), today));
		model.addAttribute("chart", DashboardFigures.chart(last(revenue.rows(), MONTHS_SHOWN)));
		// the chart's script takes htmx's share of the script budget; nothing here uses
		// htmx
		model.addAttribute("withoutHtmx", true);
		return "admin/analytics/dashboard";
	}

	/** Refreshes every report view, so that the dashboard shows today's bookings. */
	@PostMapping("/admin/reports/refresh")
	String refresh() {
		views.refreshAll(line -> log.info("Analytics (admin console): {}", line));
		return "redirect:/admin?refreshed";
	}

	private List<Map<String, Object>> departures(LocalDate today) {
		try {
			return queries.run("occupancy", "departure", today, today.plusDays(DEPARTURE_DAYS), null).rows();
		}
		catch (ReportWindowNotCovered ex) {
			// no departure in the view reaches this window yet
			return List.of();
		}
	}

	private static <T> List<T> last(List<T> rows, int count) {
		return rows.subList(Math.max(0, rows.size() - count), rows.size());
	}

}
