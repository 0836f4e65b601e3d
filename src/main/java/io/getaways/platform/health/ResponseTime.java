package io.getaways.platform.health;

final class ResponseTime {

	private ResponseTime() {
	}

	static double since(long startedNanos) {
		return Math.round((System.nanoTime() - startedNanos) / 10_000.0) / 100.0;
	}

}
