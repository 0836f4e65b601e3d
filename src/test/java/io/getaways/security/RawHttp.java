package io.getaways.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one request per connection: header lines go out byte for
 * byte, including CR and LF that {@code java.net.http} refuses to send, and the answer
 * comes back unparsed by any client library, so a header the server was tricked into
 * writing would show.
 */
final class RawHttp {

	private RawHttp() {
	}

	record Response(int status, List<String[]> headers, String head, String body) {

		String header(String name) {
			return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
		}

		List<String> headerNames() {
			return headers.stream().map(h -> h[0].toLowerCase(Locale.ROOT)).toList();
		}

		@Override
		public String toString() {
			return head + "\n\n" + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
		}
	}

	/** {@code headerLines} are sent as they are, each followed by CR LF. */
	static Response exchange(int port, String method, String target, List<String> headerLines, String contentType,
			byte[] body) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder head = new StringBuilder(method).append(' ')
				.append(target)
				.append(" HTTP/1.1\r\n")
				.append("Host: localhost:")
				.append(port)
				.append("\r\n")
				.append("Connection: close\r\n")
				.append("Accept: application/json\r\n");
			if (body != null) {
				head.append("Content-Type: ").append(contentType).append("\r\n");
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			headerLines.forEach(line -> head.append(line).append("\r\n"));
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toString().getBytes(StandardCharsets.UTF_8));
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and close before it has read a large body; its
				// answer is still to be read
			}
			return parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + target + " failed", ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				all.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			if (all.size() == 0) {
				throw ex;
			}
		}
		return all.toByteArray();
	}

	private static Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("No complete answer head: " + text);
		}
		String head = text.substring(0, end);
		List<String> lines = Arrays.asList(head.split("\r\n", -1));
		int status = Integer.parseInt(lines.get(0).split(" ")[1]);
		List<String[]> headers = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			int colon = line.indexOf(':');
			headers.add(colon < 0 ? new String[] { line, "" }
					: new String[] { line.substring(0, colon).trim(), line.substring(colon + 1).trim() });
		}
		byte[] rest = Arrays.copyOfRange(raw, end + 4, raw.length);
		boolean chunked = headers.stream()
			.anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding") && h[1].equalsIgnoreCase("chunked"));
		byte[] body = chunked ? dechunk(rest) : rest;
		return new Response(status, headers, head, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOfCrLf(chunked, at);
			String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, size);
			at = lineEnd + 2 + size + 2;
		}
		return body.toByteArray();
	}

	private static int indexOfCrLf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		throw new IllegalStateException("Truncated chunked body");
	}

}
