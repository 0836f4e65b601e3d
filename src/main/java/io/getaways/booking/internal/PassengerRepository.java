package io.getaways.booking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code app.booking_passengers} and {@code app.passenger_reveals}. Rows hold the
 * sensitive values only as ciphertext; encrypting and decrypting them is
 * {@link PassengerBook}'s.
 */
@Repository
class PassengerRepository {

	record Row(UUID id, UUID bookingId, int position, String fullName, String nationality, byte[] dateOfBirth,
			String documentType, byte[] documentNumber, byte[] documentIndex, String issuingCountry,
			LocalDate documentExpiry, UUID dataKeyId) {
	}

	private static final String COLUMNS = """
			id, booking_id, position, full_name, nationality, date_of_birth_enc, document_type, document_number_enc,
			document_number_index, document_issuing_country, document_expiry, data_key_id""";

	private static final String INSERT = """
			INSERT INTO app.booking_passengers
			  (id, booking_id, user_id, position, full_name, nationality, date_of_birth_enc, document_type,
			   document_number_enc, document_number_index, document_issuing_country, document_expiry, data_key_id)
			VALUES (:id, :bookingId, :userId, :position, :fullName, :nationality, :dateOfBirth, :documentType,
			        :documentNumber, :documentIndex, :issuingCountry, :expiry, :dataKeyId)""";

	private static final String OF_BOOKING = "SELECT " + COLUMNS + """

			FROM app.booking_passengers
			WHERE booking_id = :bookingId
			ORDER BY position""";

	private static final String BY_DOCUMENT = "SELECT " + COLUMNS + """

			FROM app.booking_passengers
			WHERE document_number_index = :index
			ORDER BY created_at, id
			LIMIT :limit""";

	private static final String DELETE_OF_BOOKING = """
			DELETE FROM app.booking_passengers
			WHERE booking_id = :bookingId""";

	private static final String DATA_KEY_OF_BOOKING = """
			SELECT data_key_id
			FROM app.booking_passengers
			WHERE booking_id = :bookingId
			LIMIT 1""";

	private static final String INSERT_REVEAL = """
			INSERT INTO app.passenger_reveals (passenger_id, booking_id, revealed_by)
			VALUES (:passengerId, :bookingId, :adminId)""";

	private final JdbcClient jdbc;

	PassengerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Row row, UUID userId) {
		jdbc.sql(INSERT)
			.param("id", row.id())
			.param("bookingId", row.bookingId())
			.param("userId", userId)
			.param("position", row.position())
			.param("fullName", row.fullName())
			.param("nationality", row.nationality())
			.param("dateOfBirth", row.dateOfBirth())
			.param("documentType", row.documentType())
			.param("documentNumber", row.documentNumber())
			.param("documentIndex", row.documentIndex())
			.param("issuingCountry", row.issuingCountry())
			.param("expiry", row.documentExpiry())
			.param("dataKeyId", row.dataKeyId())
			.update();
	}

	List<Row> ofBooking(UUID bookingId) {
		return jdbc.sql(OF_BOOKING).param("bookingId", bookingId).query(PassengerRepository::row).list();
	}

	List<Row> byDocumentIndex(byte[] index, int limit) {
		return jdbc.sql(BY_DOCUMENT).param("index", index).param("limit", limit).query(PassengerRepository::row).list();
	}

	int deleteOfBooking(UUID bookingId) {
		return jdbc.sql(DELETE_OF_BOOKING).param("bookingId", bookingId).update();
	}

	Optional<UUID> dataKeyOfBooking(UUID bookingId) {
		return jdbc.sql(DATA_KEY_OF_BOOKING).param("bookingId", bookingId).query(UUID.class).optional();
	}

	void recordReveal(UUID passengerId, UUID bookingId, UUID adminId) {
		jdbc.sql(INSERT_REVEAL)
			.param("passengerId", passengerId)
			.param("bookingId", bookingId)
			.param("adminId", adminId)
			.update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("booking_id", UUID.class), rs.getInt("position"),
				rs.getString("full_name"), rs.getString("nationality"), rs.getBytes("date_of_birth_enc"),
				rs.getString("document_type"), rs.getBytes("document_number_enc"), rs.getBytes("document_number_index"),
				rs.getString("document_issuing_country"), rs.getObject("document_expiry", LocalDate.class),
				rs.getObject("data_key_id", UUID.class));
	}

}
