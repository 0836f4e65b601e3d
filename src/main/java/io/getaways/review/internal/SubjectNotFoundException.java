package io.getaways.review.internal;

import java.util.Locale;

import io.getaways.platform.ApiException;
import io.getaways.review.ReviewListing.Subject;
import org.springframework.http.HttpStatus;

class SubjectNotFoundException extends ApiException {

	SubjectNotFoundException(Subject subject, String code) {
		super(HttpStatus.NOT_FOUND, capitalized(subject) + " " + code + " not found");
	}

	private static String capitalized(Subject subject) {
		String name = subject.name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}
}
