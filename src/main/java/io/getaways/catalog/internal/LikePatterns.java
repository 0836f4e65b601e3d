package io.getaways.catalog.internal;

/** LIKE patterns from user input, in which wildcards are matched literally. */
final class LikePatterns {

	private LikePatterns() {
	}

	static String contains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
