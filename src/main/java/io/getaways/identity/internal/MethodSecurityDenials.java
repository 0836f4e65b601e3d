package io.getaways.identity.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A {@code @PreAuthorize} denial is thrown inside the controller call, where MVC's
 * catch-all error handling would answer it with 500. Rethrown here, it leaves MVC
 * unresolved and reaches the security filters, which answer 401 or 403 exactly as for a
 * denial by URL.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MethodSecurityDenials {

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void handBackToSecurityFilters(RuntimeException ex) {
		throw ex;
	}

}
