package io.getaways.platform;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StagingTablesTest {

	@Test
	void copyTextEscapesWhatCopyReadsAsStructureAndMarksNulls() {
		String text = StagingTables
			.text(List.of(Arrays.asList(1, "tab\there", null), Arrays.asList(2, "line\nbreak\r", "back\\slash \\N")));

		assertThat(text).isEqualTo("1\ttab\\there\t\\N\n2\tline\\nbreak\\r\tback\\\\slash \\\\N\n");
	}

	@Test
	void emptyTextIsNotNull() {
		assertThat(StagingTables.text(List.of(Arrays.asList("", null)))).isEqualTo("\t\\N\n");
	}

}
