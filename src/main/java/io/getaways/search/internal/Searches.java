package io.getaways.search.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import io.getaways.platform.ActorContext;
import io.getaways.search.SearchPerformed;
import io.getaways.search.internal.SearchRepository.Row;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers searches: full text first; when a text finds nothing, the trigram fallback with
 * a "did you mean" suggestion. Every answered search is published as
 * {@link SearchPerformed} once the answer is known, outside the read transaction.
 */
@Service
class Searches {

	private final SearchRepository repository;

	private final SearchSettings settings;

	private final TransactionTemplate readOnly;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Searches(SearchRepository repository, SearchSettings settings, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.settings = settings;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.events = events;
		this.clock = Clock.systemUTC();
	}

	SearchResult search(SearchRequest request) {
		SearchResult result = readOnly.execute(status -> answer(request));
		events.publishEvent(new SearchPerformed(request.text() == null ? "" : request.text(), request.kind(),
				result.totalHits(), ActorContext.current().userId(), clock.instant()));
		return result;
	}

	private SearchResult answer(SearchRequest request) {
		if (!request.hasText()) {
			return run(request, SearchSql.Match.NONE);
		}
		SearchResult found = run(request, SearchSql.Match.FULL_TEXT);
		if (found.totalHits() > 0) {
			return found;
		}
		repository.useFuzzyThreshold(settings.fuzzyThreshold());
		SearchResult fuzzy = run(request, SearchSql.Match.FUZZY);
		List<String> titles = fuzzy.hits().stream().limit(5).map(hit -> hit.name() + " " + hit.place()).toList();
		String suggestion = titles.isEmpty() ? null : repository.suggest(request.text(), titles);
		if (suggestion != null && suggestion.toLowerCase(Locale.ROOT).equals(request.text().toLowerCase(Locale.ROOT))) {
			suggestion = null;
		}
		return new SearchResult(fuzzy.hits(), fuzzy.totalHits(), fuzzy.facets(), true, suggestion, fuzzy.nextCursor());
	}

	private SearchResult run(SearchRequest request, SearchSql.Match match) {
		SearchSql sql = SearchSql.of(request, match, settings.config());
		List<Row> rows = repository.page(sql, request.hasText() ? request.text() : "");
		String next = null;
		if (rows.size() > request.size()) {
			rows = rows.subList(0, request.size());
			Row last = rows.get(rows.size() - 1);
			next = new Cursor(request.sort(), last.sortKey(), last.hit().kind(), last.hit().code()).encode();
		}
		SearchResult.Facets facets = repository.facets(sql);
		long total = facets.kind().stream().mapToLong(SearchResult.Count::hits).sum();
		return new SearchResult(rows.stream().map(Row::hit).toList(), total, facets, match == SearchSql.Match.FUZZY,
				null, next);
	}

}
