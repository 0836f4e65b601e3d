package io.getaways.imports.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The rows an import rejected, as CSV: entity, row key, reason. Reasons name fields,
 * never a password, salt or hash. A resumed import appends.
 */
final class RejectsFile implements AutoCloseable {

	private final Path path;

	private final BufferedWriter writer;

	private RejectsFile(Path path, BufferedWriter writer) {
		this.path = path;
		this.writer = writer;
	}

	static RejectsFile open(Path path, boolean append) {
		try {
			if (path.toAbsolutePath().getParent() != null) {
				Files.createDirectories(path.toAbsolutePath().getParent());
			}
			boolean header = !append || !Files.exists(path) || Files.size(path) == 0;
			BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
					StandardOpenOption.WRITE);
			RejectsFile file = new RejectsFile(path, writer);
			if (header) {
				file.line("entity", "key", "reason");
			}
			return file;
		}
		catch (IOException ex) {
			throw new ImportMapping.MappingException("rejects file " + path + " cannot be written: " + ex.getMessage());
		}
	}

	Path path() {
		return path;
	}

	void reject(String entity, String key, String reason) {
		line(entity, key == null ? "" : key, reason);
	}

	private void line(String... cells) {
		try {
			for (int i = 0; i < cells.length; i++) {
				writer.write((i == 0 ? "" : ",") + quote(cells[i]));
			}
			writer.newLine();
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String quote(String cell) {
		String clean = cell.replaceAll("[\\r\\n]+", " ");
		return clean.matches(".*[,\"].*") ? "\"" + clean.replace("\"", "\"\"") + "\"" : clean;
	}

	@Override
	public void close() {
		try {
			writer.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
