package io.getaways.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** MongoDB round trip; DOWN here degrades content reads but never readiness. */
@Component("mongoHealthIndicator")
class MongoHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoHealthIndicator(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		long started = System.nanoTime();
		Document answer = mongo.executeCommand(new Document("ping", 1));
		builder.up()
			.withDetail("responseTimeMs", ResponseTime.since(started))
			.withDetail("database", mongo.getDb().getName())
			.withDetail("ok", answer.get("ok"));
	}

}
