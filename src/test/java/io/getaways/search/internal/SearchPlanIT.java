package io.getaways.search.internal;

import java.util.List;
import java.util.Map;

import io.getaways.catalog.Superuser;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search statements on a catalog of 100,000 listings use the index: the plan is
 * asserted, not a time. The rows are written straight into the index with codes of this
 * run and removed afterwards.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPlanIT {

	private static final int ROWS = 100_000;

	private static final String GENERATE = """
			INSERT INTO search.listings (kind, code, listing_id, name, place, country, city, price, currency, active,
			                             facts_updated_at, content_version, description, highlights, config, document,
			                             title)
			SELECT CASE WHEN g % 2 = 0 THEN 'trip' ELSE 'stay' END, :prefix || g, -g,
			       (ARRAY['Azure','Coral','Golden','Hidden','Jade','Misty','Palm','Sapphire','Silver','Sunset',
			              'Turquoise','Velvet','Amber','Crimson','Emerald','Ivory','Lunar','Opal','Quiet','Wild'])[1 + g % 20]
			       || ' ' ||
			       (ARRAY['Atoll','Bay','Cove','Isle','Lagoon','Reef','Shoals','Sound','Strand','Keys','Harbour','Dunes',
			              'Cliffs','Falls','Grove','Haven','Inlet','Marsh','Peak','Ridge','Sands','Springs','Valley',
			              'Woods','Point'])[1 + (g / 20) % 25],
			       (ARRAY['Cancún','Lisbon','Faro','Nadi','Malé','Hvar','Split','Bali','Phuket','Zanzibar'])[1 + g % 10],
			       (ARRAY['Mexico','Portugal','Portugal','Fiji','Maldives','Croatia','Croatia','Indonesia','Thailand',
			              'Tanzania'])[1 + g % 10],
			       NULL, 100 + g % 3000, 'USD', true, now(), 1,
			       'A stay by the water with ' || (ARRAY['beaches','reefs','markets','gardens','trails'])[1 + g % 5]
			       || ' and ' || (ARRAY['sunsets','dolphins','lanterns','spices','waterfalls','vineyards'])[1 + g % 6],
			       'Pool · Breakfast', 'search.english', ''::tsvector, ''
			FROM generate_series(1, :rows) AS g""";

	@Autowired
	ApplicationContext context;

	private Superuser superuser;

	private final String prefix = "P" + TestTrips.token(6);

	@BeforeAll
	void generate() throws Exception {
		superuser = new Superuser(context);
		superuser.jdbc().sql(GENERATE).param("prefix", prefix).param("rows", ROWS).update();
		superuser.jdbc().sql("ANALYZE search.listings").update();
	}

	@AfterAll
	void remove() {
		superuser.jdbc()
			.sql("DELETE FROM search.listings WHERE code LIKE :prefix")
			.param("prefix", prefix + "%")
			.update();
		superuser.jdbc().sql("ANALYZE search.listings").update();
		superuser.close();
	}

	@Test
	void fullTextUsesTheGinIndex() {
		SearchSql sql = SearchSql.of(request("azure lagoon"), SearchSql.Match.FULL_TEXT, "search.english");
		assertThat(plan(sql.page(), sql.params())).contains("listings_document_idx");
		assertThat(plan(sql.facets(), sql.params())).contains("listings_document_idx");
	}

	@Test
	void theFuzzyFallbackUsesTheTrigramIndex() {
		SearchSql sql = SearchSql.of(request("azure lagon"), SearchSql.Match.FUZZY, "search.english");
		assertThat(plan(sql.page(), sql.params())).contains("listings_title_trgm_idx");
	}

	@Test
	void theCatalogListMatchUsesTheGinIndex() {
		String matching = "SELECT count(*) FROM search.matching('stay', :text)";
		assertThat(plan(matching, Map.of("text", "azure lagoon"))).contains("listings_document_idx");
	}

	private String plan(String statement, Map<String, Object> params) {
		List<String> lines = superuser.jdbc()
			.sql("EXPLAIN " + statement)
			.params(params)
			.param("headline", "azure lagoon")
			.query(String.class)
			.list();
		return String.join("\n", lines);
	}

	private static SearchRequest request(String text) {
		return new SearchRequest(text, null, null, null, null, null, null, null, null, null, null, null,
				SearchSort.RELEVANCE, null, 20);
	}

}
