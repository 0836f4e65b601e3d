package io.getaways.booking;

import java.util.UUID;

import io.getaways.platform.ActorContext;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestBookings;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static io.getaways.booking.TestPassengers.documentNumber;
import static io.getaways.booking.TestPassengers.passenger;
import static io.getaways.booking.TestPassengers.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security of {@code app.booking_passengers} itself, below the API: as another
 * traveller's database role and context, SQL sees none of the rows, changes none, and
 * cannot attach a passenger to someone else's booking.
 */
@IntegrationTest
class PassengerRowSecurityIT extends AbstractBookingApiIT {

	@Test
	void anotherTravellerSeesAndChangesNoneOfThePassengerRows() {
		String trip = fixtures.trip(10, "80.00", FAR);
		var owner = accounts.newCustomer();
		String booking = fixtures.bookOk(accessToken(owner),
				tripBody(trip, 1, passenger("Ana Lima", "1987-03-14", "PT", documentNumber(), "2045-01-01")));
		UUID other = UUID.fromString(userId(accounts.newCustomer()));
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);

		long seen = ActorContext.callAs(TestBookings.traveller(other),
				() -> transactions.execute(
						status -> jdbc.sql("SELECT count(*) FROM app.booking_passengers WHERE booking_id = ?::uuid")
							.param(booking)
							.query(Long.class)
							.single()));
		int changed = ActorContext.callAs(TestBookings.traveller(other),
				() -> transactions.execute(status -> jdbc
					.sql("UPDATE app.booking_passengers SET full_name = 'Mallory' WHERE booking_id = ?::uuid")
					.param(booking)
					.update()));
		int deleted = ActorContext.callAs(TestBookings.traveller(other),
				() -> transactions
					.execute(status -> jdbc.sql("DELETE FROM app.booking_passengers WHERE booking_id = ?::uuid")
						.param(booking)
						.update()));

		assertThat(seen).isZero();
		assertThat(changed).isZero();
		assertThat(deleted).isZero();
		UUID dataKey = (UUID) fixtures
			.rows("SELECT data_key_id FROM app.booking_passengers WHERE booking_id = ?::uuid", booking)
			.get(0)
			.get("data_key_id");
		for (String userColumn : new String[] { other.toString(), userId(owner) }) {
			assertThatThrownBy(() -> ActorContext.callAs(TestBookings.traveller(other),
					() -> transactions.execute(status -> jdbc
						.sql("""
								INSERT INTO app.booking_passengers
								  (id, booking_id, user_id, position, full_name, nationality, date_of_birth_enc, data_key_id)
								VALUES (gen_random_uuid(), ?::uuid, ?::uuid, 2, 'Mallory', 'PT', '\\x00', ?)""")
						.params(booking, userColumn, dataKey)
						.update())))
				.as("as " + userColumn)
				.isInstanceOf(org.springframework.dao.DataAccessException.class);
		}
		assertThat(fixtures.rows("SELECT full_name FROM app.booking_passengers WHERE booking_id = ?::uuid", booking))
			.singleElement()
			.satisfies(row -> assertThat(row.get("full_name")).isEqualTo("Ana Lima"));
	}

}
