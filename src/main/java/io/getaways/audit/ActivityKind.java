package io.getaways.audit;

/** What a user did, as the activity stream records it. */
public enum ActivityKind {

	VIEW, SEARCH, SIGN_IN, BOOKING

}
