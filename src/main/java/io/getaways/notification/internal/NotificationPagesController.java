package io.getaways.notification.internal;

import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The notifications inbox page, over the same {@link NotificationInbox} as
 * {@code /api/v1/me/notifications}.
 */
@Controller
@BrowserPage
@Hidden
class NotificationPagesController {

	private static final int SHOWN = 50;

	private final NotificationInbox inbox;

	NotificationPagesController(NotificationInbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/account/notifications")
	String inbox(Model model) {
		model.addAttribute("items", inbox.newestFirst(NotificationController.userId(), SHOWN));
		return "notification/inbox";
	}

	@PostMapping("/account/notifications/{id}/read")
	String markRead(@PathVariable String id) {
		String userId = NotificationController.userId();
		inbox.markRead(userId, id).orElseThrow(() -> new UnknownNotificationException(id));
		return "redirect:/account/notifications?marked";
	}

}
