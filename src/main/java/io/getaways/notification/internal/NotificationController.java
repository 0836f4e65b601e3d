package io.getaways.notification.internal;

import java.util.List;

import io.getaways.platform.ActorContext;
import io.getaways.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications: read them, mark one read. */
@RestController
@Tag(name = "Me", description = "The signed-in user and their API keys")
class NotificationController {

	private final NotificationInbox inbox;

	NotificationController(NotificationInbox inbox) {
		this.inbox = inbox;
	}

	record Inbox(List<InboxItem> items, long unread) {
	}

	@GetMapping("/api/v1/me/notifications")
	@Operation(summary = "My notifications, newest first, with how many of them are unread")
	Inbox notifications(@RequestParam(defaultValue = "50") @Min(1) @Max(NotificationInbox.MAX_ITEMS) int limit) {
		List<InboxItem> items = inbox.newestFirst(userId(), limit);
		return new Inbox(items, items.stream().filter(item -> !item.read()).count());
	}

	@PostMapping("/api/v1/me/notifications/{id}/read")
	@Operation(summary = "Mark one of my notifications read", description = "Marking it again changes nothing; "
			+ "someone else's notification, or an unknown id, is 404.")
	InboxItem markRead(@PathVariable @Size(max = 200) String id) {
		return inbox.markRead(userId(), id).orElseThrow(() -> new UnknownNotificationException(id));
	}

	static String userId() {
		String id = ActorContext.current().userId();
		if (id == null) {
			throw new SignedInUserRequired();
		}
		return id;
	}

	static class SignedInUserRequired extends DomainException {

		SignedInUserRequired() {
			super(Kind.FORBIDDEN, "Notifications belong to a signed-in user; this caller has none");
		}

	}

}
