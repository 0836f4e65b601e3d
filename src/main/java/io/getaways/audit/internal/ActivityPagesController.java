package io.getaways.audit.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.getaways.audit.ActivityKind;
import io.getaways.platform.ActorContext;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import org.bson.Document;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The activity page: the signed-in traveller's views, searches, sign-ins and bookings,
 * newest first, read from the same {@link ActivityStore} as {@code /api/v1/me/activity}.
 */
@Controller
@BrowserPage
@Hidden
class ActivityPagesController {

	static final int PAGE_SIZE = 25;

	static final int MAX_PAGE = 400;

	private final ActivityStore store;

	ActivityPagesController(ActivityStore store) {
		this.store = store;
	}

	@GetMapping("/account/activity")
	String activity(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") String page,
			Model model) {
		String userId = ActorContext.current().userId();
		if (userId == null) {
			throw new ActivityController.NoUser();
		}
		ActivityKind chosen = Arrays.stream(ActivityKind.values())
			.filter(value -> value.name().equals(kind))
			.findFirst()
			.orElse(null);
		int number = page.matches("\\d{1,3}") ? Math.min(Integer.parseInt(page), MAX_PAGE) : 0;
		List<Document> found = store.page(userId, chosen, number, PAGE_SIZE);
		model.addAttribute("lines", found.stream().limit(PAGE_SIZE).map(ActivityPagesController::line).toList());
		model.addAttribute("kind", chosen == null ? "" : chosen.name());
		model.addAttribute("page", number);
		model.addAttribute("hasNext", found.size() > PAGE_SIZE);
		return "audit/activity";
	}

	private static ActivityLine line(Document document) {
		Document details = document.get("details", Document.class);
		return ActivityLine.of(ActivityKind.valueOf(document.getString("kind")),
				document.get("at", java.util.Date.class).toInstant(), details == null ? Map.of() : details);
	}

}
