package io.getaways.catalog.internal.web;

import java.util.regex.Pattern;

/**
 * A content description as plain text for a page. Descriptions are HTML written by
 * editors; a page prints text only, so no markup an editor or an import brought in can
 * run in a traveller's browser.
 */
final class PlainText {

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private PlainText() {
	}

	static String of(String html) {
		if (html == null) {
			return null;
		}
		String text = TAG.matcher(html)
			.replaceAll(" ")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
		String trimmed = SPACES.matcher(text).replaceAll(" ").trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

}
