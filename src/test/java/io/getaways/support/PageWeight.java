package io.getaways.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import io.getaways.support.HttpApi.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page weighs as a browser downloads it: its HTML and every stylesheet and script
 * it links, each gzip-compressed.
 *
 * @param total HTML, CSS and JavaScript, compressed, in bytes
 * @param script the JavaScript alone, compressed, in bytes
 * @param assets each linked path with its compressed size
 */
public record PageWeight(long total, long script, List<String> assets) {

	private static final Pattern ASSET = Pattern.compile("<(?:link[^>]+href|script[^>]+src)=\"(/[^\"]+)\"");

	/** Weighs the page's HTML and fetches its assets (which need no session). */
	public static PageWeight of(HttpApi http, String html) {
		long total = gzipped(html);
		long script = 0;
		List<String> assets = new ArrayList<>();
		Matcher asset = ASSET.matcher(html);
		while (asset.find()) {
			String path = asset.group(1);
			Answer fetched = http.get(path);
			assertThat(fetched.status()).as(path).isEqualTo(200);
			long size = gzipped(fetched.body());
			assets.add(path + " " + size + " B");
			total += size;
			if (path.endsWith(".js")) {
				script += size;
			}
		}
		return new PageWeight(total, script, List.copyOf(assets));
	}

	static long gzipped(String body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.size();
	}

}
