package io.getaways.imports.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A Travlr MongoDB: the database the URI names (Travlr's default {@code travlr} when it
 * names none), its collections read in {@code _id} order.
 */
final class TravlrSource implements ImportSource {

	private final MongoClient client;

	private final MongoDatabase database;

	private final String description;

	private TravlrSource(MongoClient client, MongoDatabase database, String description) {
		this.client = client;
		this.database = database;
		this.description = description;
	}

	static TravlrSource open(String uri) {
		String description = "travlr:" + SourceUrls.mask(uri);
		ConnectionString connection;
		try {
			connection = new ConnectionString(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new ImportMapping.MappingException("'" + SourceUrls.mask(uri) + "' is not a MongoDB URI");
		}
		MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
			.applyConnectionString(connection)
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, java.util.concurrent.TimeUnit.SECONDS))
			.build());
		String name = connection.getDatabase() == null ? "travlr" : connection.getDatabase();
		return new TravlrSource(client, client.getDatabase(name), description);
	}

	@Override
	public String description() {
		return description;
	}

	@Override
	public long count(String collection) {
		try {
			return database.getCollection(ImportSource.checkName(collection)).countDocuments();
		}
		catch (MongoException ex) {
			throw new ImportMapping.MappingException("cannot count " + collection + " in " + description + ": "
					+ SourceUrls.mask(String.valueOf(ex.getMessage())));
		}
	}

	@Override
	public Set<String> repeatedKeys(String collection, String field) {
		List<Bson> pipeline = List.of(Aggregates.group(new Document("$toUpper", "$" + ImportSource.checkName(field)),
				Accumulators.sum("n", 1)), Aggregates.match(Filters.gt("n", 1)));
		Set<String> repeated = new HashSet<>();
		try {
			for (Document group : database.getCollection(ImportSource.checkName(collection))
				.aggregate(pipeline)
				.allowDiskUse(true)) {
				repeated.add(String.valueOf(group.get("_id")).strip());
			}
			return repeated;
		}
		catch (MongoException ex) {
			throw new ImportMapping.MappingException("cannot read " + collection + "." + field + " in " + description
					+ ": " + SourceUrls.mask(String.valueOf(ex.getMessage())));
		}
	}

	@Override
	public Cursor read(String collection, long skip) {
		MongoCursor<Document> documents = database.getCollection(ImportSource.checkName(collection))
			.find()
			.sort(Sorts.ascending("_id"))
			.skip((int) Math.min(skip, Integer.MAX_VALUE))
			.batchSize(1000)
			.iterator();
		return new Cursor() {

			@Override
			public boolean hasNext() {
				return documents.hasNext();
			}

			@Override
			public Map<String, Object> next() {
				return documents.next();
			}

			@Override
			public void close() {
				documents.close();
			}
		};
	}

	@Override
	public void close() {
		client.close();
	}

}
