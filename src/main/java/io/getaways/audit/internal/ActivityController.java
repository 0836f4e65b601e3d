package io.getaways.audit.internal;

import java.util.Date;
import java.util.List;
import java.util.Map;

import io.getaways.audit.ActivityKind;
import io.getaways.platform.ActorContext;
import io.getaways.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "The signed-in user and their API keys")
class ActivityController {

	private final ActivityStore store;

	ActivityController(ActivityStore store) {
		this.store = store;
	}

	@GetMapping("/api/v1/me/activity")
	@Operation(summary = "My activity: views, searches, sign-ins and bookings, newest first",
			description = "Events are written asynchronously, so the newest may appear a moment later; they are kept "
					+ "for getaways.activity.retention (90 days by default).")
	ActivityPage activity(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) ActivityKind kind) {
		String userId = ActorContext.current().userId();
		if (userId == null) {
			throw new NoUser();
		}
		List<Document> found = store.page(userId, kind, page, size);
		List<ActivityItem> items = found.stream().limit(size).map(ActivityController::item).toList();
		return new ActivityPage(items, page, size, found.size() > size);
	}

	private static ActivityItem item(Document document) {
		Document details = document.get("details", Document.class);
		return new ActivityItem(ActivityKind.valueOf(document.getString("kind")),
				document.get("at", Date.class).toInstant(), details == null ? Map.of() : details);
	}

	record ActivityItem(ActivityKind kind, java.time.Instant at, Map<String, Object> details) {
	}

	record ActivityPage(List<ActivityItem> items, int page, int size, boolean hasNext) {
	}

	static class NoUser extends DomainException {

		NoUser() {
			super(Kind.FORBIDDEN, "Activity belongs to a user; this caller acts for none");
		}

	}

}
