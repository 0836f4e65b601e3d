package io.getaways.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.platform.Actor;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit documentation names exactly the tables whose changes the database audits, so
 * it cannot go stale.
 */
@IntegrationTest
class AuditedTablesIT {

	private static final Pattern TABLE = Pattern.compile("`((?:app|system)\\.[a-z0-9_]+)`");

	@Autowired
	ApplicationContext context;

	@Test
	void theDocumentedListIsTheSetOfTablesWithTheAuditTrigger() throws IOException {
		AuditDatabase database = new AuditDatabase(context);
		List<String> audited = database.as(Actor.Role.ADMIN, () -> database.jdbc().sql("""
				SELECT DISTINCT n.nspname || '.' || c.relname FROM pg_trigger t
				JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE t.tgfoid = 'audit.capture'::regproc AND NOT t.tgisinternal
				""").query(String.class).list());
		assertThat(documented()).containsExactlyInAnyOrderElementsOf(audited);
	}

	private static List<String> documented() throws IOException {
		String doc = Files.readString(Path.of("docs/audit.md"));
		int start = doc.indexOf("The audited tables:");
		String paragraph = doc.substring(start, doc.indexOf("\n\n", start));
		Matcher tables = TABLE.matcher(paragraph);
		return tables.results().map(match -> match.group(1)).toList();
	}

}
