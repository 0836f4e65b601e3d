package io.getaways.operations.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import io.getaways.operations.internal.BackupManifest.CollectionDump;
import io.getaways.operations.internal.StoredFiles.Stored;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * MongoDB's documents, collection by collection, one canonical Extended JSON document per
 * line (types survive the round trip), through the driver, so that it works on the
 * embedded server and a real mongod alike. Indexes are not dumped: the service creates
 * its own at start.
 */
final class MongoDump {

	private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
		.outputMode(JsonMode.EXTENDED)
		.build();

	private static final int BATCH = 1000;

	private MongoDump() {
	}

	static List<CollectionDump> dump(MongoDatabase database, Path backupDir, BackupKey key, Progress progress) {
		List<String> names = new ArrayList<>();
		database.listCollectionNames().into(names);
		names.removeIf(name -> name.startsWith("system."));
		names.sort(null);
		Progress dumping = progress.stage("MongoDB dump (documents)", 0, false);
		List<CollectionDump> dumps = new ArrayList<>();
		for (String name : names) {
			long[] count = { 0 };
			try {
				Stored stored = StoredFiles.store(storedPath(backupDir, name), "mongo/" + name, key, out -> {
					Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
					try (MongoCursor<Document> cursor = database.getCollection(name)
						.find()
						.sort(new Document("_id", 1))
						.batchSize(BATCH)
						.iterator()) {
						while (cursor.hasNext()) {
							writer.write(cursor.next().toJson(CANONICAL));
							writer.write('\n');
							count[0]++;
							dumping.advance(1);
						}
					}
					writer.flush();
				});
				dumps.add(new CollectionDump(name, count[0], stored));
			}
			catch (IOException | RuntimeException ex) {
				throw new BackupFailedException("MongoDB dump of " + name + " failed: " + ex.getMessage(), ex);
			}
		}
		dumping.finish();
		return dumps;
	}

	static Path storedPath(Path backupDir, String collection) {
		return backupDir.resolve("mongo").resolve(collection + ".json.zst");
	}

	/**
	 * Counts the documents of a stored dump, reading every line: proves that it decrypts,
	 * decompresses and parses.
	 */
	static long count(Path backupDir, CollectionDump dump, BackupKey key) throws IOException {
		long documents = 0;
		try (BufferedReader reader = reader(backupDir, dump, key)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				Document.parse(line);
				documents++;
			}
		}
		return documents;
	}

	/** Loads dumps into a database whose collections must be empty. */
	static long load(MongoDatabase database, Path backupDir, List<CollectionDump> dumps, BackupKey key,
			Progress progress) throws IOException {
		long total = 0;
		for (CollectionDump dump : dumps) {
			MongoCollection<Document> collection = database.getCollection(dump.name());
			if (collection.estimatedDocumentCount() > 0) {
				throw new BackupFailedException("MongoDB collection " + dump.name() + " is not empty; a restore loads "
						+ "only into an empty database");
			}
			List<Document> batch = new ArrayList<>(BATCH);
			try (BufferedReader reader = reader(backupDir, dump, key)) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					batch.add(Document.parse(line));
					if (batch.size() == BATCH) {
						collection.insertMany(batch);
						progress.advance(batch.size());
						total += batch.size();
						batch.clear();
					}
				}
			}
			if (!batch.isEmpty()) {
				collection.insertMany(batch);
				progress.advance(batch.size());
				total += batch.size();
			}
		}
		return total;
	}

	private static BufferedReader reader(Path backupDir, CollectionDump dump, BackupKey key) throws IOException {
		return new BufferedReader(new InputStreamReader(StoredFiles.open(storedPath(backupDir, dump.name()), key),
				StandardCharsets.UTF_8));
	}

}
