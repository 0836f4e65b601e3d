package io.getaways.search.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AbsentTextsTest {

	private final AbsentTexts absent = new AbsentTexts(Duration.ofMinutes(1), 100);

	@Test
	void anAbsentTextIsRememberedForItsContentVersionOnly() {
		absent.absent("trip", "T1", 3);

		assertThat(absent.isAbsent("trip", "T1", 3)).isTrue();
		assertThat(absent.isAbsent("trip", "T1", 4)).as("a newer version asks again").isFalse();
		assertThat(absent.isAbsent("stay", "T1", 3)).as("kinds are apart").isFalse();
		assertThat(absent.isAbsent("trip", "T2", 3)).isFalse();
	}

	@Test
	void theContentEventForgetsIt() {
		absent.absent("trip", "T1", 3);

		absent.forget("trip", "T1");

		assertThat(absent.isAbsent("trip", "T1", 3)).isFalse();
	}

	@Test
	void anAnswerExpires() throws InterruptedException {
		AbsentTexts brief = new AbsentTexts(Duration.ofMillis(50), 100);
		brief.absent("trip", "T1", 3);

		Thread.sleep(120);

		assertThat(brief.isAbsent("trip", "T1", 3)).isFalse();
	}

}
