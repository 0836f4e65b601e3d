package io.getaways.ops;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series names a PromQL expression reads, so that a test can check each one against a
 * real scrape. A small lexical pass, enough for the expressions under ops/: it drops
 * strings, comments, label matchers, ranges, grouping clauses and numbers, and what is
 * left that is not a function call or a keyword is a metric or recording rule name.
 */
final class PromQl {

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern COMMENT = Pattern.compile("#[^\n]*");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	// numbers and durations (offset 5m)
	private static final Pattern NUMBER = Pattern
		.compile("(?<![A-Za-z_:0-9])(?:(?:\\d+(?:ms|[smhdwy]))+|\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)(?![A-Za-z_:0-9])");

	private static final Pattern NAME = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan");

	private PromQl() {
	}

	static Set<String> seriesNames(String expression) {
		// comments first: an apostrophe in one would otherwise open a string (no '#' in a
		// string of ours)
		String rest = COMMENT.matcher(expression).replaceAll(" ");
		rest = STRING.matcher(rest).replaceAll(" ");
		rest = MATCHERS.matcher(rest).replaceAll(" ");
		rest = RANGE.matcher(rest).replaceAll(" ");
		rest = GROUPING.matcher(rest).replaceAll(" ");
		rest = NUMBER.matcher(rest).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher name = NAME.matcher(rest);
		while (name.find()) {
			boolean call = rest.substring(name.end()).stripLeading().startsWith("(");
			if (!call && !KEYWORDS.contains(name.group().toLowerCase())) {
				names.add(name.group());
			}
		}
		return names;
	}

	/**
	 * Recording rules are named level:metric:operations; scraped metrics have no colon.
	 */
	static boolean isRecordingRule(String name) {
		return name.contains(":");
	}

}
