package io.getaways.catalog.internal.cache;

/**
 * Invalidations that must all be attempted even when one fails; the first failure is
 * thrown after the rest.
 */
final class Invalidations {

	private Invalidations() {
	}

	static void all(Runnable... invalidations) {
		RuntimeException first = null;
		for (Runnable invalidation : invalidations) {
			try {
				invalidation.run();
			}
			catch (RuntimeException ex) {
				if (first == null) {
					first = ex;
				}
				else {
					first.addSuppressed(ex);
				}
			}
		}
		if (first != null) {
			throw first;
		}
	}

}
