package io.getaways.platform.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.getaways.booking.Booking;
import io.getaways.booking.Bookings;
import io.getaways.booking.Passenger;
import io.getaways.booking.TravelDocument;
import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripDraft;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestBookings;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Rotation of the key-encryption key while travellers keep booking with passengers: a new
 * key is generated and made active, every data key is re-wrapped under it in small
 * batches, and afterwards every passenger, written before, during or after, still
 * decrypts to what was written. The new key is kept in the data directory, so the next
 * start of this test JVM's data directory reads it.
 */
@IntegrationTest
class KeyRotationIT {

	private static final int WRITERS = 3;

	private static final int BEFORE = 12;

	private static final int DURING = 8;

	@LocalServerPort
	int port;

	@Autowired
	KeyRotation rotation;

	@Autowired
	KeyRing ring;

	@Autowired
	Bookings bookings;

	@Autowired
	Catalog catalog;

	@Test
	void rotatingMidLoadLeavesEveryPassengerReadable() throws Exception {
		assumeFalse(TestStores.external(),
				"the external-stores profile pins the keys every application of the JVM shares with the CI database");
		String trip = TestTrips.code();
		TestTrips.create(catalog,
				new TripDraft(trip, "Rotation " + trip, "Resort " + trip, Instant.now().plus(Duration.ofDays(200)), 5,
						new java.math.BigDecimal("10.00"), "USD", 1000, TestTrips.content(1, "<p>t</p>", "t.jpg")));
		TestAccounts accounts = new TestAccounts(new HttpApi(port));
		List<UUID> travellers = new ArrayList<>();
		for (int i = 0; i < WRITERS; i++) {
			travellers.add(UUID.fromString(TestAccounts.userId(accounts.newCustomer())));
		}
		Map<UUID, Written> written = new ConcurrentHashMap<>();
		for (int i = 0; i < BEFORE; i++) {
			book(trip, travellers.get(i % WRITERS), written);
		}
		String before = ring.activeId().orElseThrow();

		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		CountDownLatch rotating = new CountDownLatch(1);
		List<Future<?>> writers = new ArrayList<>();
		for (UUID traveller : travellers) {
			writers.add(pool.submit(() -> {
				book(trip, traveller, written);
				rotating.await(60, TimeUnit.SECONDS);
				for (int i = 1; i < DURING; i++) {
					book(trip, traveller, written);
				}
				return null;
			}));
		}
		List<String> progress = new CopyOnWriteArrayList<>();
		String target = rotation.introduceKey();
		rotating.countDown();
		long rewrapped = rotation.rewrapAll(target, 3, progress::add);
		for (Future<?> writer : writers) {
			writer.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();
		rewrapped += rotation.rewrapAll(target, 3, progress::add);

		assertThat(target).isNotEqualTo(before);
		assertThat(rewrapped).isGreaterThanOrEqualTo(BEFORE);
		assertThat(progress).isNotEmpty()
			.allMatch(line -> line.matches("Re-wrapped \\d+ of \\d+ data keys under " + target + " \\(pass \\d\\)"));
		assertThat(rotation.remaining(target)).isZero();
		assertThat(written).hasSize(BEFORE + WRITERS * DURING);
		written.forEach((booking, expected) -> {
			List<Passenger> read = ActorContext.callAs(TestBookings.traveller(expected.traveller()),
					() -> bookings.passengersOfMine(booking));
			assertThat(read).hasSize(1);
			assertThat(read.get(0).document().number()).isEqualTo(expected.number());
			assertThat(read.get(0).dateOfBirth()).isEqualTo(expected.born());
		});

		if (!TestStores.external()) {
			Path secrets = Path.of("target/test-data/secrets.properties");
			if (Files.exists(secrets)) {
				assertThat(Files.readString(secrets)).contains("crypto-key." + target + "=")
					.contains("crypto-key." + before + "=")
					.contains("crypto-active-key=" + target);
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
					.isEqualTo("rw-------");
			}
		}
	}

	private record Written(UUID traveller, String number, LocalDate born) {
	}

	private void book(String trip, UUID traveller, Map<UUID, Written> written) {
		String number = "R" + TestTrips.token(10).toUpperCase();
		LocalDate born = LocalDate.of(1970, 1, 1).plusDays(Math.abs(number.hashCode() % 15000));
		Booking booking = ActorContext.callAs(TestBookings.traveller(traveller),
				() -> bookings.bookTrip(trip, 1, List.of(new Passenger(null, "Rotating Traveller", born, "PT",
						new TravelDocument("PASSPORT", number, "PT", LocalDate.now().plusYears(5))))));
		written.put(booking.id(), new Written(traveller, number, born));
	}

}
