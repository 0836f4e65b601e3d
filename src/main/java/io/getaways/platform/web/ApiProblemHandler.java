package io.getaways.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.getaways.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the {@code /api/v1} API as {@code application/problem+json}: 4xx answers
 * name the parameter or field at fault, 5xx answers carry the request id and never a
 * stack trace. Module advice (such as the Travlr adapter's) takes precedence for its own
 * controllers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> handleDomainException(DomainException ex) {
		HttpStatus status = DomainStatuses.of(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		ex.headers().forEach((name, value) -> answer.header(name, value));
		return answer.body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = ex.getRequiredType() == null ? "a valid value" : describe(ex.getRequiredType());
		return badRequest(List.of(new ParameterError(ex.getName(), "must be " + expected)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ParameterError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			// A body validated together with a path variable names its own fields, not
			// the body as a whole.
			if (result instanceof ParameterErrors body) {
				body.getFieldErrors()
					.forEach(error -> errors.add(new ParameterError(error.getField(), message(error))));
				body.getGlobalErrors()
					.forEach(error -> errors.add(new ParameterError(body.getObjectName(), message(error))));
			}
			else {
				String name = result.getMethodParameter().getParameterName();
				result.getResolvableErrors().forEach(error -> errors.add(new ParameterError(name, message(error))));
			}
		});
		return ResponseEntity.badRequest().body(problem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ParameterError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new ParameterError(error.getField(), message(error)))
			.toList();
		return ResponseEntity.badRequest().body(problem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return BodyFieldErrors.of(ex)
			.<ResponseEntity<Object>>map(error -> ResponseEntity.badRequest().body(problem(List.of(error))))
			.orElseGet(() -> ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"The request body is missing or is not valid JSON of the expected shape")));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		String requestId = RequestIds.current();
		log.error("Unexpected error in request {}", requestId, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; quote request id " + requestId + " when reporting it");
		problem.setProperty("requestId", requestId);
		return ResponseEntity.internalServerError().body(problem);
	}

	private static ResponseEntity<ProblemDetail> badRequest(List<ParameterError> errors) {
		return ResponseEntity.badRequest().body(problem(errors));
	}

	private static ProblemDetail problem(List<ParameterError> errors) {
		String detail = errors.stream()
			.map(error -> "'" + error.parameter() + "' " + error.message())
			.reduce((first, second) -> first + "; " + second)
			.map(joined -> "Invalid request: " + joined)
			.orElse("Invalid request");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("errors",
				errors.stream()
					.map(error -> Map.of("parameter", error.parameter(), "message", error.message()))
					.toList());
		return problem;
	}

	private static String message(MessageSourceResolvable error) {
		if (error instanceof FieldError field && field.isBindingFailure()) {
			return "has an invalid value";
		}
		return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
	}

	private static String describe(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type.getSimpleName().equals("LocalDate")) {
			return "a date as YYYY-MM-DD";
		}
		if (type.getSimpleName().equals("Instant")) {
			return "an ISO-8601 instant such as 2025-01-31T10:00:00Z";
		}
		return "a valid " + type.getSimpleName();
	}

	record ParameterError(String parameter, String message) {
	}

}
