package io.getaways.review.internal;

import java.util.Locale;

import io.getaways.platform.DomainException;
import io.getaways.review.ReviewListing.Subject;

class SubjectNotFoundException extends DomainException {

	SubjectNotFoundException(Subject subject, String code) {
		super(Kind.NOT_FOUND, capitalized(subject) + " " + code + " not found");
	}

	private static String capitalized(Subject subject) {
		String name = subject.name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
