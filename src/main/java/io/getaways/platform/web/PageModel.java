package io.getaways.platform.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: who is signed in, if anyone. */
@ControllerAdvice(annotations = BrowserPage.class)
class PageModel {

	@ModelAttribute("currentUser")
	SignedInUser currentUser() {
		return BrowserSessions.currentUser();
	}

	static SignedInUser userOf(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
	}

	static SignedInUser fromContext() {
		return userOf(SecurityContextHolder.getContext().getAuthentication());
	}

}
