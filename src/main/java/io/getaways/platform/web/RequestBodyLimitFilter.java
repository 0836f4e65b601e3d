package io.getaways.platform.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps JSON request bodies at {@code getaways.web.max-request-body-size} before anything
 * reads them: a declared {@code Content-Length} over the limit is refused unread, and a
 * chunked body is read up to the limit and refused as soon as it goes past it. Either way
 * the answer is 413 problem+json naming the limit, and nothing is written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	static final String PROPERTY = "getaways.web.max-request-body-size";

	private final long maxBytes;

	private final DataSize limit;

	private final JsonMapper json;

	RequestBodyLimitFilter(@Value("${" + PROPERTY + ":64KB}") DataSize limit, JsonMapper json) {
		if (limit.toBytes() <= 0 || limit.toBytes() > Integer.MAX_VALUE - 8) {
			throw new IllegalStateException(PROPERTY + " must be between 1B and 2GB but was " + limit);
		}
		this.limit = limit;
		this.maxBytes = limit.toBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isJson(request.getContentType())) {
			chain.doFilter(request, response);
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			tooLarge(request, response);
			return;
		}
		if (declared >= 0) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = readUpToLimit(request.getInputStream());
		if (body == null) {
			tooLarge(request, response);
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	/** The body, or null once it is longer than the limit. */
	private byte[] readUpToLimit(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
			if (body.size() + (long) n > maxBytes) {
				return null;
			}
			body.write(buffer, 0, n);
		}
		return body.toByteArray();
	}

	/**
	 * application/json, any +json type, and a Content-Type too broken to tell: the cap
	 * errs on the safe side.
	 */
	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
			return subtype.equals("json") || subtype.endsWith("+json");
		}
		catch (InvalidMediaTypeException ex) {
			return true;
		}
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = HttpStatus.PAYLOAD_TOO_LARGE;
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail",
				"The request body is larger than the limit of " + readable(limit) + " (" + maxBytes + " bytes)");
		problem.put("instance", request.getRequestURI());
		problem.put("maxBodyBytes", maxBytes);
		response.setStatus(status.value());
		// the rest of the body stays unread: the connection cannot carry another request
		// after it
		response.setHeader("Connection", "close");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json.writeValueAsString(problem));
	}

	/** The body read by this filter, served to whatever reads the request next. */
	/** 64KB rather than DataSize's 65536B, as the limit is usually configured. */
	private static String readable(DataSize size) {
		if (size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + "MB";
		}
		if (size.toBytes() % DataSize.ofKilobytes(1).toBytes() == 0) {
			return size.toKilobytes() + "KB";
		}
		return size.toBytes() + "B";
	}

	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		private final ByteArrayInputStream in;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
			this.in = new ByteArrayInputStream(body);
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was read before the request reached its handler");
				}
			};
		}

		@Override
		public BufferedReader getReader() throws UnsupportedEncodingException {
			String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(in, encoding));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
