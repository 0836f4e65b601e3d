package booking;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.bson.Document;
import org.bson.conversions.Bson;
import support.Log;

/**
 * The MongoDB and Redis work of a book-and-pay cycle, over the plain drivers, as the service does it (read from its
 * source; counted with redis-cli MONITOR and in MongoDB's collections after cycles through the API):
 * <ul>
 * <li>Redis, on one shared connection as the service's Lettuce uses: the token deny-list check of each request
 * ({@code EXISTS getaways:denied:<jti>}); after the booking commits, the trip's cache invalidation in the request
 * thread (a new stamp with {@code EX 1200}, {@code DEL} of the cached trip, new generations of the page and list
 * caches).</li>
 * <li>After commit on a pool of four threads, as the service's {@code projection-} pool: the search listing job
 * ({@link SearchIndexJob}) for the booked trip, and the notification listener (an empty transaction, then inserts into
 * {@code notification_queue} and {@code notifications}).</li>
 * <li>On schedules, as the service's: the booking's activity document inserted in batches every 500 ms, and the
 * notifier every 2 s (due entries; per notification the claim, in one write when it is unchanged since queued, else
 * a read and the claim; the traveller's preferences read, mark sent, queue entry removed).</li>
 * </ul>
 */
public final class RawStores implements AutoCloseable {

	private static final Log LOG = new Log("booking-bench");

	private final Database db;
	private final MongoClient mongoClient;
	private final MongoDatabase mongo;
	private final RedisClient redisClient;
	private final StatefulRedisConnection<String, String> redisConnection;
	private final RedisCommands<String, String> redis;
	private final ExecutorService projections;
	private final ThreadLocal<Connection> projectionConnection = new ThreadLocal<>();
	private final List<Connection> connections = new ArrayList<>();
	private final AtomicInteger pending = new AtomicInteger();
	private final AtomicLong failures = new AtomicLong();
	private final BlockingQueue<Document> activity = new LinkedBlockingQueue<>(10_000);
	private final ScheduledExecutorService schedules;

	public RawStores(Database db, String mongoUri, String redisUri) {
		this.db = db;
		mongoClient = MongoClients.create(mongoUri);
		mongo = mongoClient.getDatabase("getaways");
		redisClient = RedisClient.create(redisUri);
		redisConnection = redisClient.connect();
		redis = redisConnection.sync();
		projections = Executors.newFixedThreadPool(4, runnable -> daemon(runnable, "raw-projection"));
		schedules = Executors.newScheduledThreadPool(2, runnable -> daemon(runnable, "raw-schedule"));
		schedules.scheduleWithFixedDelay(this::flushActivity, 500, 500, TimeUnit.MILLISECONDS);
		schedules.scheduleWithFixedDelay(this::sendDue, 2000, 2000, TimeUnit.MILLISECONDS);
	}

	/** The deny-list lookup every authenticated request makes. */
	void checkToken(String jti) {
		redis.exists("getaways:denied:" + jti);
	}

	/** After the booking's commit: the cache invalidation in the request thread, the search listing after it. */
	void tripChanged(String code) {
		redis.set("getaways:trip:stamp:{" + code + "}", stamp(), SetArgs.Builder.ex(1200));
		redis.del("getaways:trip:{" + code + "}");
		redis.set("getaways:{trip-page}-generation", stamp());
		redis.set("getaways:{trip-list}-generation", stamp());
		async(tx -> SearchIndexJob.run(db, tx, mongo, code));
	}

	void bookingPlaced(UUID userId, UUID bookingId, String trip) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("bookingId", bookingId.toString());
		details.put("tripCode", trip);
		details.put("quantity", 1);
		activity.offer(new Document("kind", "BOOKING").append("at", new Date())
			.append("details", new Document(details))
			.append("userId", userId.toString()));
	}

	void bookingConfirmed(UUID userId, UUID bookingId, String trip) {
		async(tx -> {
			db.begin(tx, db.customerRole(), userId.toString(), "bench@example.com");
			tx.commit();
			String id = "booking-confirmed:" + bookingId;
			Date now = new Date();
			// plain inserts, as the service's since they stopped being upserts: the unique _id refuses a second one
			insertIfAbsent(mongo.getCollection("notification_queue"), new Document("_id", id).append("dueAt", now));
			Document facts = new Document("tripCode", trip).append("bookingId", bookingId.toString())
				.append("amount", "100.00")
				.append("currency", "USD");
			insertIfAbsent(mongo.getCollection("notifications"),
					new Document("_id", id).append("userId", userId.toString())
						.append("kind", "BOOKING_CONFIRMED")
						.append("facts", facts)
						.append("createdAt", now)
						.append("status", "QUEUED")
						.append("attempts", 0)
						.append("rev", 0)
						.append("nextAttemptAt", now));
		});
	}

	private static void insertIfAbsent(MongoCollection<Document> collection, Document document) {
		try {
			collection.insertOne(document);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	/** Waits until the after-commit work queued so far is done, so a phase's figures include it. */
	void drain() throws InterruptedException {
		while (pending.get() > 0) {
			Thread.sleep(5);
		}
	}

	public long failures() {
		return failures.get();
	}

	private interface Work {

		void run(Connection tx) throws Exception;
	}

	private void async(Work work) {
		pending.incrementAndGet();
		projections.execute(() -> {
			try {
				work.run(connection());
			}
			catch (Exception ex) {
				if (failures.getAndIncrement() == 0) {
					LOG.line("raw drivers: after-commit work failed: " + ex);
				}
				try {
					connection().rollback();
				}
				catch (SQLException ignored) {
					// the next transaction on it says more
				}
			}
			finally {
				pending.decrementAndGet();
			}
		});
	}

	private Connection connection() throws SQLException {
		Connection connection = projectionConnection.get();
		if (connection == null) {
			connection = db.connect(false);
			projectionConnection.set(connection);
			synchronized (connections) {
				connections.add(connection);
			}
		}
		return connection;
	}

	private void flushActivity() {
		List<Document> batch = new ArrayList<>();
		activity.drainTo(batch, 500);
		if (!batch.isEmpty()) {
			guarded(() -> mongo.getCollection("activity_events").insertMany(batch));
		}
	}

	private void sendDue() {
		guarded(() -> {
			MongoCollection<Document> queue = mongo.getCollection("notification_queue");
			MongoCollection<Document> notifications = mongo.getCollection("notifications");
			List<String> due = new ArrayList<>();
			for (Document entry : queue.find(Filters.lte("dueAt", new Date())).sort(Sorts.ascending("dueAt")).limit(100)) {
				due.add(entry.getString("_id"));
			}
			for (String id : due) {
				// a notification unchanged since queued (revision 0) is claimed in one write, as the service does
				Document fresh = notifications.findOneAndUpdate(atRevision(id, 0),
						Updates.combine(Updates.set("status", "SENDING"), Updates.set("claimedBy", "bench"),
								Updates.set("claimedAt", new Date()), Updates.set("attempts", 1), Updates.set("rev", 1)),
						new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
				if (fresh != null) {
					send(queue, notifications, id, fresh.getString("userId"), 0);
					continue;
				}
				Document document = notifications.find(Filters.eq("_id", id)).first();
				if (document == null) {
					queue.deleteOne(Filters.eq("_id", id));
					continue;
				}
				int rev = document.getInteger("rev", 0);
				Bson claim = Updates.combine(Updates.set("status", "SENDING"), Updates.set("claimedBy", "bench"),
						Updates.set("claimedAt", new Date()),
						Updates.set("attempts", document.getInteger("attempts", 0) + 1), Updates.set("rev", rev + 1));
				if (notifications.updateOne(atRevision(id, rev), claim)
					.getModifiedCount() != 1) {
					continue;
				}
				send(queue, notifications, id, document.getString("userId"), rev);
			}
		});
	}

	/** The traveller's preferences read, the sent mark and the queue entry removed. */
	private void send(MongoCollection<Document> queue, MongoCollection<Document> notifications, String id,
			String userId, int rev) {
		mongo.getCollection("user_preferences").find(Filters.eq("_id", userId)).first();
		Bson sent = Updates.combine(Updates.set("status", "SENT"), Updates.set("sentAt", new Date()),
				Updates.unset("claimedBy"), Updates.inc("rev", 1));
		if (notifications.updateOne(atRevision(id, rev + 1), sent)
			.getModifiedCount() == 1) {
			queue.deleteOne(Filters.eq("_id", id));
		}
	}

	/**
	 * {@code {_id, rev}} as one flat filter, as Spring Data's criteria send it: the embedded server serves only a query on
	 * exactly an index's keys from that index, and {@code Filters.and} sends {@code $and}, which it answers by reading
	 * the whole collection (the raw phase did so until issue 19's measurements found it).
	 */
	private static Bson atRevision(String id, int rev) {
		return new Document("_id", id).append("rev", rev);
	}

	private void guarded(Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			if (failures.getAndIncrement() == 0) {
				LOG.line("raw drivers: scheduled MongoDB work failed: " + ex);
			}
		}
	}

	private static String stamp() {
		return Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void close() throws Exception {
		drain();
		schedules.shutdown();
		schedules.awaitTermination(10, TimeUnit.SECONDS);
		projections.shutdown();
		projections.awaitTermination(10, TimeUnit.SECONDS);
		synchronized (connections) {
			for (Connection connection : connections) {
				connection.close();
			}
		}
		redisConnection.close();
		redisClient.shutdown();
		mongoClient.close();
	}
}
