package io.getaways.booking;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripDraft;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trips and stays with random codes for one test, the booking API as a traveller sends
 * it, and the superuser's SQL for what no role of the application may do, such as moving
 * a hold's expiry into the past.
 */
public final class TestBookingApi {

	private final ApplicationContext context;

	private final Catalog catalog;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TestAccounts accounts;

	public TestBookingApi(ApplicationContext context, HttpApi http) {
		this.context = context;
		this.catalog = context.getBean(Catalog.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.transactions = context.getBean(TransactionTemplate.class);
		this.accounts = new TestAccounts(http);
	}

	public TestAccounts accounts() {
		return accounts;
	}

	public String trip(int capacity, String price, Instant departsAt) {
		String code = TestTrips.code();
		TestTrips.create(catalog, new TripDraft(code, "Booking test " + code, "Resort " + code, departsAt, 5,
				new BigDecimal(price), "USD", capacity, TestTrips.content(1, "<p>test</p>", "t.jpg")));
		return code;
	}

	public String stay(int maxGuests, String pricePerNight) {
		String code = "S" + TestTrips.token(11);
		asJob(() -> jdbc.sql("""
				INSERT INTO app.stays (code, name, country, city, price_per_night, currency, max_guests)
				VALUES (:code, :name, 'Portugal', 'Lagos', :price, 'EUR', :maxGuests)""")
			.param("code", code)
			.param("name", "Villa " + code)
			.param("price", new BigDecimal(pricePerNight))
			.param("maxGuests", maxGuests)
			.update());
		return code;
	}

	/** Seats booked and capacity, as the trip row says. */
	public int[] seats(String tripCode) {
		Map<String, Object> row = superuser(
				sql -> sql.sql("SELECT seats_booked, capacity FROM app.trips WHERE code = ?")
					.param(tripCode)
					.query()
					.singleRow());
		return new int[] { (Integer) row.get("seats_booked"), (Integer) row.get("capacity") };
	}

	/** Rows of a query, read as the superuser, past every row-level security policy. */
	public List<Map<String, Object>> rows(String sql, Object... params) {
		return superuser(client -> client.sql(sql).params(params).query().listOfRows());
	}

	public long count(String sql, Object... params) {
		return superuser(client -> client.sql(sql).params(params).query(Long.class).single());
	}

	public int update(String sql, Object... params) {
		return superuser(client -> client.sql(sql).params(params).update());
	}

	public <T> T asJob(java.util.function.Supplier<T> work) {
		return ActorContext.callAs(Actor.job("test"), () -> transactions.execute(status -> work.get()));
	}

	private <T> T superuser(Function<JdbcClient, T> work) {
		String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		try (Connection connection = DriverManager.getConnection(TestStores.superuserUrl(context, database),
				TestStores.superuser(), null)) {
			return work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No superuser connection", ex);
		}
	}

	public static String tripBody(String code, int seats) {
		return TestAccounts.json("tripCode", code, "seats", seats);
	}

	public static String stayBody(String code, String checkIn, String checkOut, int guests) {
		return TestAccounts.json("stayCode", code, "checkIn", checkIn, "checkOut", checkOut, "guests", guests);
	}

	public Answer book(String token, String body) {
		return accounts.send("POST", "/api/v1/bookings", token, body);
	}

	public Answer pay(String token, String id) {
		return accounts.send("POST", "/api/v1/bookings/" + id + "/pay", token, null);
	}

	public Answer cancel(String token, String id) {
		return accounts.send("POST", "/api/v1/bookings/" + id + "/cancel", token, null);
	}

	public String bookOk(String token, String body) {
		Answer answer = book(token, body);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json().path("id").asString();
	}

}
