package io.getaways.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;

/**
 * Bodies of the admin catalog routes answer 400 naming the field at fault, in the shape of every other 400
 * ({@code errors[].parameter}): a value of the wrong JSON type is named by its path ({@code content.images[0]}), and a
 * body checked together with a path variable names its fields rather than the body as a whole.
 */
@RestControllerAdvice(assignableTypes = { AdminTripController.class, AdminStayController.class })
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class AdminCatalogProblems {

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String path = jsonPath(ex);
		if (path.isEmpty()) {
			return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request body is missing or is not valid JSON"));
		}
		return badRequest(List.of(Map.of("parameter", path, "message", "has a value of the wrong type")));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			if (result instanceof ParameterErrors fields) {
				fields.getFieldErrors().forEach(error -> errors.add(error(error.getField(), error)));
				fields.getGlobalErrors().forEach(error -> errors.add(error(fields.getObjectName(), error)));
			}
			else {
				String name = result.getMethodParameter().getParameterName();
				result.getResolvableErrors().forEach(error -> errors.add(error(name, error)));
			}
		});
		return badRequest(errors);
	}

	private static Map<String, String> error(String parameter, MessageSourceResolvable error) {
		boolean bindingFailure = error instanceof FieldError field && field.isBindingFailure();
		String message = bindingFailure || error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
		return Map.of("parameter", parameter, "message", message);
	}

	private static ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
		String detail = "Invalid request: " + String.join("; ",
				errors.stream().map(error -> "'" + error.get("parameter") + "' " + error.get("message")).toList());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/** The JSON path of the value Jackson could not bind, such as {@code content.images[0]}; empty if none. */
	private static String jsonPath(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				StringBuilder path = new StringBuilder();
				for (JacksonException.Reference reference : jackson.getPath()) {
					if (reference.getPropertyName() != null) {
						path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
					}
					else if (reference.getIndex() >= 0) {
						path.append('[').append(reference.getIndex()).append(']');
					}
				}
				return path.toString();
			}
		}
		return "";
	}
}
