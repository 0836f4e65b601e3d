package io.getaways.identity;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.support.AdminPages;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's users pages: filter, grant and revoke roles, lock and unlock. */
@IntegrationTest
class AdminUserPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Test
	void anAdminFindsAUserGrantsARoleAndLocksTheAccount() {
		String email = "roles-" + TestAccounts.email();
		identity.createUser(email, "Role Person", TestAccounts.PASSWORD, "customer");
		WebSession admin = AdminPages.admin(port, identity);
		Answer list = admin.get("/admin/users?q=" + email.substring(0, 20));
		assertThat(list.body()).contains(email).contains("1 account(s)");
		assertThat(admin.get("/admin/users?role=admin&q=" + email).body()).contains("0 account(s)");
		String userPath = link(list.body());

		Answer user = admin.get(userPath);
		assertThat(user.body()).contains("Role Person").contains("Grant admin");
		assertThat(admin.post(userPath + "/roles", "role", "admin", "action", "grant").status()).isEqualTo(302);
		assertThat(admin.get(userPath).body()).contains("Granted the role admin").contains("Revoke admin");
		WebSession promoted = new WebSession(port);
		assertThat(promoted.signIn(email, TestAccounts.PASSWORD).status()).isEqualTo(302);
		assertThat(promoted.get("/admin").status()).as("the new admin opens the console").isEqualTo(200);

		assertThat(admin.post(userPath + "/lock").status()).isEqualTo(302);
		assertThat(admin.get(userPath).body()).contains("<dd id=\"account-status\">Locked</dd>");
		assertThat(new WebSession(port).signIn(email, TestAccounts.PASSWORD).status()).isNotEqualTo(302);
		admin.post(userPath + "/unlock");
		assertThat(admin.get(userPath).body()).contains("<dd id=\"account-status\">Active</dd>");
		assertThat(new WebSession(port).signIn(email, TestAccounts.PASSWORD).status()).isEqualTo(302);
	}

	@Test
	void anAdminCannotLockThemselvesAndBadFiltersAreNamed() {
		String email = "self-" + TestAccounts.email();
		identity.createUser(email, "Self Admin", TestAccounts.PASSWORD, "admin");
		WebSession admin = new WebSession(port);
		assertThat(admin.signIn(email, TestAccounts.PASSWORD).status()).isEqualTo(302);
		Answer bad = admin.get("/admin/users?role=emperor");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"role-error\"");
		String self = link(admin.get("/admin/users?q=" + email).body());
		admin.get(self);
		admin.post(self + "/lock");
		assertThat(admin.get(self).body()).contains("You cannot lock your own account");
		admin.post(self + "/roles", "role", "admin", "action", "revoke");
		assertThat(admin.get(self).body()).contains("You cannot take away your own admin role");
		assertThat(admin.postWithout(self + "/roles", "role", "admin", "action", "revoke").status()).isEqualTo(403);
	}

	@Test
	void onlyAdminsOpenTheUsersPages() {
		AdminPages.onlyAdminsOpen(port, "/admin/users");
		WebSession traveller = AdminPages.traveller(port);
		traveller.get("/account");
		assertThat(traveller.post("/admin/users/" + UUID.randomUUID() + "/lock").status()).isEqualTo(403);
	}

	private static String link(String body) {
		Matcher matcher = Pattern.compile("href=\"(/admin/users/[0-9a-f-]{36})\"").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

}
