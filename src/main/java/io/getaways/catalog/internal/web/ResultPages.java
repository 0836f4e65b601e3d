package io.getaways.catalog.internal.web;

/**
 * The home page's result pages: the page asked for (from 1; anything unreadable is the
 * first) and, once the count is known, the links around it. A page past the end is kept
 * as asked, so the page can say there are fewer.
 */
public record ResultPages(int number) {

	/** The catalog's JSON lists stop at page 10,000 (counted from 0) too. */
	static final int MAX_PAGE = 10_000;

	static ResultPages asked(String page) {
		if (page == null || !page.trim().matches("\\d{1,5}")) {
			return new ResultPages(1);
		}
		return new ResultPages(Math.max(1, Math.min(Integer.parseInt(page.trim()), MAX_PAGE)));
	}

	int index() {
		return number - 1;
	}

	Links of(long totalItems, int size, String search) {
		long last = Math.max(1, (totalItems + size - 1) / size);
		boolean pastEnd = totalItems > 0 && number > last;
		return new Links(number, last, pastEnd, number > 1 && !pastEnd ? search + "page=" + (number - 1) : null,
				number < last ? search + "page=" + (number + 1) : null, pastEnd ? search + "page=" + last : null);
	}

	/**
	 * @param number the page shown
	 * @param last the last page with results (1 when there are none)
	 * @param pastEnd whether the page asked for is after the last
	 * @param previous the previous page's link, or null
	 * @param next the next page's link, or null
	 * @param lastLink past the end, the last page's link; else null
	 */
	public record Links(int number, long last, boolean pastEnd, String previous, String next, String lastLink) {

		public boolean several() {
			return last > 1 || pastEnd;
		}

	}

}
