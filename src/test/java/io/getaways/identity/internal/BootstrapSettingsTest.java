package io.getaways.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.getaways.platform.config.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapSettingsTest {

	@TempDir
	Path dir;

	@Test
	void nothingIsWantedUntilAnEmailIsSet() {
		assertThat(TestSettings.bind(BootstrapSettings.class).wanted()).isFalse();
		assertThat(TestSettings.rejections(BootstrapSettings.class)).isEmpty();
	}

	@Test
	void anEmailNeedsExactlyOnePasswordSource() throws IOException {
		assertThat(TestSettings.rejections(BootstrapSettings.class, "getaways.bootstrap.admin-email=root@example.com"))
			.singleElement()
			.asString()
			.startsWith("getaways.bootstrap.admin-password or admin-password-file must be set when admin-email is");
		Path file = Files.writeString(dir.resolve("password"), "from a file\n");
		assertThat(TestSettings.rejections(BootstrapSettings.class, "getaways.bootstrap.admin-email=root@example.com",
				"getaways.bootstrap.admin-password=inline password", "getaways.bootstrap.admin-password-file=" + file))
			.singleElement()
			.asString()
			.startsWith("getaways.bootstrap.admin-password-file must not be set together with admin-password");
		assertThat(TestSettings.rejections(BootstrapSettings.class, "getaways.bootstrap.admin-email=root@example.com",
				"getaways.bootstrap.admin-password-file=" + dir.resolve("missing")))
			.singleElement()
			.asString()
			.startsWith("getaways.bootstrap.admin-password-file must be a readable file");
	}

	@Test
	void aFilesTrailingNewlineIsNotPartOfThePasswordAndNoPasswordIsShown() throws IOException {
		Path file = Files.writeString(dir.resolve("password"), "from a file\n");
		BootstrapSettings fromFile = TestSettings.bind(BootstrapSettings.class,
				"getaways.bootstrap.admin-email=root@example.com", "getaways.bootstrap.admin-password-file=" + file);
		assertThat(fromFile.password()).isEqualTo("from a file");
		BootstrapSettings inline = TestSettings.bind(BootstrapSettings.class,
				"getaways.bootstrap.admin-email=root@example.com", "getaways.bootstrap.admin-password=inline secret");
		assertThat(inline.toString()).doesNotContain("inline secret").contains("adminPassword=(set)");
	}

}
