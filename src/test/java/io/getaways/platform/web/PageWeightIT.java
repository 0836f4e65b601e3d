package io.getaways.platform.web;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.PageWeight;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page stays light: HTML, CSS and JavaScript together at most 100 KB, and
 * JavaScript at most 30 KB, compressed (gzip), as a browser downloads them.
 */
@IntegrationTest
class PageWeightIT {

	@LocalServerPort
	int port;

	@Test
	void theHomePageWeighsAtMost100KbWithAtMost30KbOfJavaScriptCompressed() {
		HttpApi http = new HttpApi(port);
		Answer home = http.get("/", "Accept", "text/html");
		assertThat(home.status()).isEqualTo(200);
		PageWeight weight = PageWeight.of(http, home.body());
		assertThat(weight.assets()).as("the layout's stylesheet and htmx").hasSize(2);
		assertThat(weight.total()).as("HTML+CSS+JS compressed: " + weight.assets()).isLessThanOrEqualTo(100 * 1024);
		assertThat(weight.script()).as("JS compressed: " + weight.assets()).isLessThanOrEqualTo(30 * 1024);
	}

}
