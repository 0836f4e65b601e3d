package io.getaways.operations.internal;

/**
 * One line of {@code doctor}: a check, its verdict and what it found or what to do.
 *
 * @param skipped whether the check could not run because an earlier one failed; it is
 * then shown as FAIL but counted only through that earlier check
 */
record DoctorFinding(String check, Status status, String detail, boolean skipped) {

	enum Status {

		OK, WARN, FAIL

	}

	static DoctorFinding ok(String check, String detail) {
		return new DoctorFinding(check, Status.OK, detail, false);
	}

	static DoctorFinding warn(String check, String detail) {
		return new DoctorFinding(check, Status.WARN, detail, false);
	}

	static DoctorFinding fail(String check, String detail) {
		return new DoctorFinding(check, Status.FAIL, detail, false);
	}

	static DoctorFinding skipped(String check, String because) {
		return new DoctorFinding(check, Status.FAIL, "skipped: " + because, true);
	}

	boolean counts() {
		return status == Status.FAIL && !skipped;
	}

}
