package io.getaways.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The application's one MongoTemplate, applying {@link MongoConsistencySettings} by
 * collection name: every store names its collection on each call, so no store needs to
 * know about replica sets.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoConsistencySettings.class)
class MongoConsistency {

	@Bean
	MongoTemplate mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter,
			MongoConsistencySettings settings) {
		return new ConsistentMongoTemplate(factory, converter, settings);
	}

	static final class ConsistentMongoTemplate extends MongoTemplate {

		private final MongoConsistencySettings settings;

		/** Every MongoDB call asks; the names are parsed once per collection. */
		private final Map<String, ReadPreference> readPreferences = new ConcurrentHashMap<>();

		private final Map<String, WriteConcern> writeConcerns = new ConcurrentHashMap<>();

		ConsistentMongoTemplate(MongoDatabaseFactory factory, MongoConverter converter,
				MongoConsistencySettings settings) {
			super(factory, converter);
			setWriteConcernResolver(
					action -> writeConcerns.computeIfAbsent(action.getCollectionName(), settings::writeConcernOf));
			this.settings = settings;
		}

		/**
		 * Every read and write takes its collection through here; a query's own read
		 * preference, where one is set, still comes after and wins.
		 */
		@Override
		protected MongoCollection<Document> prepareCollection(MongoCollection<Document> collection) {
			MongoCollection<Document> prepared = super.prepareCollection(collection);
			return prepared.withReadPreference(readPreferences
				.computeIfAbsent(collection.getNamespace().getCollectionName(), settings::readPreferenceOf));
		}

	}

}
