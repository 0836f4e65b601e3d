package io.getaways.imports.internal;

import java.util.regex.Pattern;

/**
 * Source addresses as logs, reports and the audit log may show them: passwords masked.
 */
final class SourceUrls {

	private static final Pattern USER_INFO = Pattern.compile("(//[^:/@]*:)[^@/]*@");

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|pwd)=)[^&;]*");

	private SourceUrls() {
	}

	static String mask(String url) {
		String masked = USER_INFO.matcher(url).replaceAll("$1***@");
		return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
	}

}
