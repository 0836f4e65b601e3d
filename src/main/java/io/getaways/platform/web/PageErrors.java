package io.getaways.platform.web;

import io.getaways.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal a page did not handle itself becomes the error page with the API's status for
 * it, never the API's problem+json, which a browser would show as raw text.
 */
@ControllerAdvice(annotations = BrowserPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException ex, HttpServletResponse response) {
		return page(DomainStatuses.of(ex), ex.getMessage(), response);
	}

	/** A path segment that cannot be what the page expects names nothing that exists. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView mismatch(MethodArgumentTypeMismatchException ex, HttpServletResponse response) {
		return page(HttpStatus.NOT_FOUND, null, response);
	}

	static ModelAndView page(HttpStatus status, String message, HttpServletResponse response) {
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		page.addObject("currentUser", BrowserSessions.currentUser());
		return page;
	}

}
