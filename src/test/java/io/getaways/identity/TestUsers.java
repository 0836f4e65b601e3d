package io.getaways.identity;

import java.util.UUID;

import io.getaways.support.HttpApi;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts made for one test, each with a session (so a refresh token row) and, on request, an API key. */
final class TestUsers {

	static final String PASSWORD = "correct horse battery staple";

	private TestUsers() {
	}

	record TestUser(UUID id, String email, String accessToken, String refreshToken) {
	}

	/** A traveller with a fresh email, registered and signed in through the module's API. */
	static TestUser register(Identity identity, String label) {
		String email = label + "-" + UUID.randomUUID() + "@example.com";
		Identity.AccessGrant grant = identity.register(email, "Test " + label, PASSWORD, Identity.Client.API);
		return new TestUser(grant.user().id(), email, grant.accessToken(), grant.refreshToken());
	}

	/** Creates an API key over HTTP, as its owner, and returns the key's id. */
	static UUID createApiKey(HttpApi api, TestUser owner, String... headerPairs) {
		String[] headers = new String[headerPairs.length + 2];
		headers[0] = "Authorization";
		headers[1] = "Bearer " + owner.accessToken();
		System.arraycopy(headerPairs, 0, headers, 2, headerPairs.length);
		HttpApi.Answer created = api.send("POST", "/api/v1/me/api-keys", "application/json",
				"{\"name\":\"test key\",\"scopes\":[\"catalog:read\"]}", headers);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}
}
