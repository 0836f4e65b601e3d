package io.getaways.booking.internal;

/**
 * The exclusion constraint refused the nights (SQLSTATE 23P01); the transaction is lost,
 * so this leaves it.
 */
class StayTaken extends RuntimeException {

	private final long stayId;

	StayTaken(long stayId, Throwable cause) {
		super("Nights of stay " + stayId + " are taken", cause, false, false);
		this.stayId = stayId;
	}

	long stayId() {
		return stayId;
	}

	static boolean isExclusionViolation(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && "23P01".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
