package io.getaways.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.getaways.platform.MongoConsistency.ConsistentMongoTemplate;
import io.getaways.support.IntegrationTest;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No mongod runs here, so a replica set cannot be shown failing over; what can be shown
 * against the embedded server is that each collection gets the write concern and read
 * preference configured for it, on the wire, and that such reads and writes succeed on a
 * standalone server.
 */
@IntegrationTest
class MongoConsistencyIT {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoConsistencySettings settings;

	@Autowired
	MongoConverter converter;

	@Autowired
	Environment environment;

	@Test
	void theServiceReadsContentAndActivityFromSecondariesAndEverythingElseFromThePrimary() {
		assertThat(readPreferenceOf("trip_content")).isEqualTo(ReadPreference.secondaryPreferred());
		assertThat(readPreferenceOf("stay_content")).isEqualTo(ReadPreference.secondaryPreferred());
		assertThat(readPreferenceOf("activity_events")).isEqualTo(ReadPreference.secondaryPreferred());
		assertThat(readPreferenceOf("notifications")).isEqualTo(ReadPreference.primary());
		assertThat(readPreferenceOf("user_preferences")).isEqualTo(ReadPreference.primary());
	}

	@Test
	void documentsThatExistOnlyInMongoDbAreWrittenWithMajorityAndActivityWithOneAcknowledgement() {
		assertThat(settings.writeConcernOf("notifications")).isEqualTo(WriteConcern.MAJORITY);
		assertThat(settings.writeConcernOf("notification_queue")).isEqualTo(WriteConcern.MAJORITY);
		assertThat(settings.writeConcernOf("user_preferences")).isEqualTo(WriteConcern.MAJORITY);
		assertThat(settings.writeConcernOf("trip_content")).isEqualTo(WriteConcern.MAJORITY);
		assertThat(settings.writeConcernOf("activity_events")).isEqualTo(WriteConcern.W1);
	}

	@Test
	void eachCollectionsWriteConcernIsSentWithItsWritesAndItsReadsSucceed() {
		String durable = "probe_durable_" + UUID.randomUUID().toString().replace("-", "");
		String feed = "probe_feed_" + UUID.randomUUID().toString().replace("-", "");
		MongoConsistencySettings probe = new MongoConsistencySettings("majority", "primary", Map.of(feed, "w1"),
				Map.of(feed, "secondaryPreferred"));
		List<BsonDocument> inserts = new CopyOnWriteArrayList<>();
		CommandListener listener = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (event.getCommandName().equals("insert")) {
					inserts.add(event.getCommand().clone());
				}
			}
		};
		MongoClientSettings clientSettings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(environment.getRequiredProperty("spring.mongodb.uri")))
			.addCommandListener(listener)
			.build();
		try (MongoClient client = MongoClients.create(clientSettings)) {
			MongoTemplate template = new ConsistentMongoTemplate(
					new SimpleMongoClientDatabaseFactory(client, "getaways"), converter, probe);
			template.insert(new Document("_id", "a").append("n", 1), durable);
			template.insert(new Document("_id", "b").append("n", 2), feed);

			assertThat(inserts).hasSize(2);
			assertThat(writeConcernSent(inserts, durable)).isEqualTo(new BsonDocument("w", new BsonString("majority")));
			assertThat(writeConcernSent(inserts, feed)).isEqualTo(new BsonDocument("w", new BsonInt32(1)));
			assertThat(template.findOne(Query.query(Criteria.where("_id").is("b")), Document.class, feed))
				.containsEntry("n", 2);
			ReadPreference feedReads = template.execute(feed, MongoCollection::getReadPreference);
			assertThat(feedReads).isEqualTo(ReadPreference.secondaryPreferred());
			template.dropCollection(durable);
			template.dropCollection(feed);
		}
	}

	private ReadPreference readPreferenceOf(String collection) {
		ReadPreference preference = mongo.execute(collection, MongoCollection::getReadPreference);
		return preference;
	}

	private static BsonDocument writeConcernSent(List<BsonDocument> inserts, String collection) {
		return inserts.stream()
			.filter(command -> command.getString("insert").getValue().equals(collection))
			.findFirst()
			.orElseThrow()
			.getDocument("writeConcern", new BsonDocument());
	}

}
