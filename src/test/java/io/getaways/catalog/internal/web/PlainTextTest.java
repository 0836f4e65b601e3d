package io.getaways.catalog.internal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

	@Test
	void markupBecomesTextAndNothingRunnableSurvives() {
		assertThat(PlainText.of("<p>Sun &amp; sea</p><p>Dive <b>daily</b></p>")).isEqualTo("Sun & sea Dive daily");
		assertThat(PlainText.of("<script>alert(1)</script><img src=x onerror=alert(2)>Hi")).isEqualTo("alert(1) Hi");
	}

	@Test
	void nothingToSayIsNull() {
		assertThat(PlainText.of(null)).isNull();
		assertThat(PlainText.of("<p> </p>")).isNull();
	}

}
