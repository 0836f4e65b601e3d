package io.getaways.imports.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.getaways.support.TestTrips;
import org.bson.Document;
import org.springframework.core.env.Environment;

/**
 * A Travlr database in the test JVM's MongoDB, one per test: the seven trips of Travlr's
 * seed shape (codes made unique) and users made as Travlr's register makes them.
 */
final class TravlrSeed implements AutoCloseable {

	static final String PASSWORD = "travlr password 1";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String[][] TRIPS = { { "GALR", "Gale Reef", "Emerald Bay, 3 stars", "799.00" },
			{ "DAWR", "Dawson's Reef", "Blue Lagoon, 4 stars", "1199.00" },
			{ "CLAR", "Claire's Reef", "Coral Sands, 5 stars", "1999.00" },
			{ "SEAV", "Sea View Lodge", "Turtle Cove, 3 stars", "899.50" },
			{ "PALM", "Palm Atoll", "Lagoon Huts, 4 stars", "1450.00" },
			{ "MANT", "Manta Point", "Reef Village, 4 stars", "1325.00" },
			{ "KELP", "Kelp Gardens", "Harbour Inn, 2 stars", "650.00" } };

	final String uri;

	final String run = TestTrips.token(6);

	final List<String> codes = new ArrayList<>();

	final List<String> emails = new ArrayList<>();

	private final MongoClient client;

	final MongoDatabase database;

	TravlrSeed(Environment environment) {
		ConnectionString base = new ConnectionString(environment.getRequiredProperty("spring.mongodb.uri"));
		String name = "travlr_" + run.toLowerCase(Locale.ROOT);
		this.uri = "mongodb://" + String.join(",", base.getHosts()) + "/" + name;
		this.client = MongoClients.create(uri);
		this.database = client.getDatabase(name);
	}

	/** The seven trips and the given users, as Travlr stores them. */
	TravlrSeed seed(int users) {
		for (int i = 0; i < TRIPS.length; i++) {
			String code = TRIPS[i][0] + run + i;
			codes.add(code);
			trips().insertOne(trip(code, TRIPS[i][1] + " " + run, TRIPS[i][2], TRIPS[i][3]));
		}
		for (int i = 0; i < users; i++) {
			String email = "travlr-" + run.toLowerCase(Locale.ROOT) + "-" + i + "@example.com";
			emails.add(email);
			users().insertOne(user("Traveller " + i, email, PASSWORD));
		}
		return this;
	}

	Document trip(String code, String name, String resort, String perPerson) {
		return new Document("code", code).append("name", name)
			.append("length", "4 nights / 5 days")
			.append("start", Date.from(Instant.parse("2027-02-14T08:00:00Z")))
			.append("resort", resort)
			.append("perPerson", perPerson)
			.append("image", code.toLowerCase(Locale.ROOT) + ".jpg")
			.append("description", "<p>Sed et augue lorem. In sit amet placerat arcu. " + name + "</p>");
	}

	/**
	 * As Travlr's {@code setPassword}: 16 random bytes as hex, PBKDF2-SHA512 over that
	 * text.
	 */
	static Document user(String name, String email, String password) {
		byte[] saltBytes = new byte[16];
		RANDOM.nextBytes(saltBytes);
		String salt = HexFormat.of().formatHex(saltBytes);
		return new Document("name", name).append("email", email)
			.append("salt", salt)
			.append("hash", pbkdf2(password, salt));
	}

	static String pbkdf2(String password, String salt) {
		try {
			PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 1000, 512);
			return HexFormat.of()
				.formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded());
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	com.mongodb.client.MongoCollection<Document> trips() {
		return database.getCollection("trips");
	}

	com.mongodb.client.MongoCollection<Document> users() {
		return database.getCollection("users");
	}

	@Override
	public void close() {
		database.drop();
		client.close();
	}

}
