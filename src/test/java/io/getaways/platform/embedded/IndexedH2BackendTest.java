package io.getaways.platform.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded MongoDB server's unique indexes keep the H2 backend's bytes and order: a
 * file written by the library's own backend is read and extended by ours, and the result
 * read again by the library's.
 */
class IndexedH2BackendTest {

	private static final Random RANDOM = new Random(42);

	@TempDir
	Path dir;

	@Test
	void comparesAndWritesKeysAsTheLibrarysKeyTypeDoes() {
		ObjectDataType library = new ObjectDataType();
		IndexKeyType ours = new IndexKeyType();
		List<KeyValue> keys = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			keys.add(randomKey(i));
		}
		for (KeyValue a : keys) {
			assertThat(bytesWritten(ours, a)).isEqualTo(bytesWritten(library, a));
			for (KeyValue b : keys) {
				assertThat(Integer.signum(ours.compare(a, b))).as("%s vs %s", a, b)
					.isEqualTo(Integer.signum(library.compare(a, b)));
			}
		}
	}

	@Test
	void readsAndExtendsAFileTheLibrarysBackendWrote() {
		Path file = dir.resolve("mongo.mv");
		withServer(new H2Backend(file.toString()), travels -> {
			travels.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
			for (int i = 0; i < 2_000; i++) {
				travels.insertOne(new Document("code", codeOf(i)).append("n", i));
			}
			return null;
		});

		IndexedH2Backend ours = new IndexedH2Backend(file.toString());
		withServer(ours, travels -> {
			assertThat(ours.getMvStore().getMapNames()).filteredOn(name -> name.contains("._index_"))
				.isNotEmpty()
				.allSatisfy(name -> assertThat(ours.getMvStore().openMap(name).getKeyType())
					.isInstanceOf(IndexKeyType.class));
			assertFoundByCode(travels, 2_000);
			assertThatThrownBy(() -> travels.insertOne(new Document("code", codeOf(1_234)))).isInstanceOfSatisfying(
					MongoWriteException.class,
					ex -> assertThat(ErrorCategory.fromErrorCode(ex.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
			for (int i = 2_000; i < 3_000; i++) {
				travels.insertOne(new Document("code", codeOf(i)).append("n", i));
			}
			travels.deleteOne(Filters.eq("code", codeOf(7)));
			travels.insertOne(new Document("code", codeOf(7)).append("n", 7));
			return null;
		});

		withServer(new H2Backend(file.toString()), travels -> {
			assertFoundByCode(travels, 3_000);
			assertThatThrownBy(() -> travels.insertOne(new Document("code", codeOf(2_500))))
				.isInstanceOf(MongoWriteException.class);
			return null;
		});
	}

	/** Mixed types, as index keys hold whatever the documents hold. */
	private static Object codeOf(int i) {
		return switch (i % 4) {
			case 0 -> "trip-" + i;
			case 1 -> i * 1_000_003L;
			case 2 -> new Document("stay", i).append("night", "2027-01-" + (i % 28 + 1));
			default -> i + 0.5;
		};
	}

	private static void assertFoundByCode(MongoCollection<Document> travels, int count) {
		for (int i = 0; i < count; i++) {
			Document found = travels.find(Filters.eq("code", codeOf(i))).first();
			assertThat(found).as("code %s", codeOf(i)).isNotNull();
			assertThat(found.getInteger("n")).isEqualTo(i);
		}
	}

	private static KeyValue randomKey(int i) {
		return switch (RANDOM.nextInt(5)) {
			case 0 -> new KeyValue("k" + RANDOM.nextInt(1_000));
			case 1 -> new KeyValue(RANDOM.nextInt(), "x" + i);
			case 2 -> new KeyValue(new ObjectId());
			case 3 -> new KeyValue(RANDOM.nextDouble(), RANDOM.nextLong());
			default -> new KeyValue(List.of("a" + RANDOM.nextInt(10), RANDOM.nextInt(10)));
		};
	}

	private static byte[] bytesWritten(ObjectDataType type, Object key) {
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, key);
		byte[] out = new byte[buffer.position()];
		buffer.getBuffer().flip().get(out);
		return out;
	}

	private <T> T withServer(MongoBackend backend, Function<MongoCollection<Document>, T> work) {
		MongoServer server = new MongoServer(backend);
		int port = FreePort.find();
		server.bind("127.0.0.1", port);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
			return work.apply(client.getDatabase("getaways").getCollection("travels"));
		}
		finally {
			server.shutdownNow();
		}
	}

}
