package io.getaways.imports.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite files as a source: order, resume offsets, views, strict UTF-8, and a read-only
 * open.
 */
class JdbcSourceTest {

	@TempDir
	Path dir;

	private static final String MAPPING = """
			entities:
			  - {source: tours, target: trips, key: code}
			  - {source: tour_view, target: trips, key: code}
			""";

	@Test
	void tablesAreReadInRowidOrderAndViewsInKeyOrderFromAnyOffset() throws Exception {
		Path file = create();
		try (JdbcSource source = JdbcSource.sqlite(file, ImportMapping.parse(MAPPING, "test"))) {
			assertThat(source.count("tours")).isEqualTo(3);
			assertThat(codes(source, "tours", 0)).containsExactly("C3", "A1", "B2");
			assertThat(codes(source, "tours", 2)).containsExactly("B2");
			assertThat(codes(source, "tour_view", 0)).containsExactly("A1", "B2", "C3");
			assertThat(codes(source, "tour_view", 1)).containsExactly("B2", "C3");
		}
	}

	@Test
	void textThatIsNotUtf8ArrivesAsInvalidTextNotAsReplacementCharacters() throws Exception {
		Path file = create();
		try (JdbcSource source = JdbcSource.sqlite(file, ImportMapping.parse(MAPPING, "test"));
				ImportSource.Cursor rows = source.read("tours", 0)) {
			Map<String, Object> first = rows.next();
			assertThat(first.get("title")).isEqualTo(new ImportSource.InvalidText("title"));
			assertThat(rows.next().get("title")).isEqualTo("Café");
		}
	}

	@Test
	void theFileIsOpenedReadOnlyAndAMissingOneIsNamed() throws Exception {
		Path file = create();
		byte[] before = Files.readAllBytes(file);
		try (JdbcSource source = JdbcSource.sqlite(file, ImportMapping.parse(MAPPING, "test"))) {
			codes(source, "tours", 0);
		}
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
		assertThatThrownBy(() -> JdbcSource.sqlite(dir.resolve("nope.db"), ImportMapping.parse(MAPPING, "test")))
			.hasMessage("SQLite file " + dir.resolve("nope.db") + " does not exist or cannot be read");
	}

	@Test
	void theSourceNamesTheKeysItHoldsMoreThanOnceWhateverTheirCaseAndSpaces() throws Exception {
		Path file = create();
		try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
				Statement sql = sqlite.createStatement()) {
			sql.execute("INSERT INTO tours VALUES (' a1 ', 'Again'), ('b2', 'Again'), ('B2', 'Thrice'), (NULL, 'x')");
			sql.execute("INSERT INTO tours VALUES (NULL, 'y')");
		}
		try (JdbcSource source = JdbcSource.sqlite(file, ImportMapping.parse(MAPPING, "test"))) {
			assertThat(source.repeatedKeys("tours", "code")).containsExactlyInAnyOrder("A1", "B2");
			assertThat(source.repeatedKeys("tours", "title")).containsExactlyInAnyOrder("AGAIN");
		}
	}

	private Path create() throws Exception {
		Path file = dir.resolve("source.db");
		try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
				Statement sql = sqlite.createStatement()) {
			sql.execute("CREATE TABLE tours (code TEXT, title TEXT)");
			sql.execute("INSERT INTO tours VALUES ('C3', CAST(X'43C328' AS TEXT))");
			sql.execute("INSERT INTO tours VALUES ('A1', 'Café')");
			sql.execute("INSERT INTO tours VALUES ('B2', 'Plain')");
			sql.execute("CREATE VIEW tour_view AS SELECT code, title FROM tours");
		}
		return file;
	}

	private static List<String> codes(ImportSource source, String table, long skip) {
		List<String> codes = new ArrayList<>();
		try (ImportSource.Cursor rows = source.read(table, skip)) {
			rows.forEachRemaining(row -> codes.add((String) row.get("code")));
		}
		return codes;
	}

}
