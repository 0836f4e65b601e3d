package io.getaways.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversionsTest {

	private static ImportMapping.FieldMapping spec(String convert, String format) {
		return new ImportMapping.FieldMapping("column", convert, format, null);
	}

	@Test
	void moneyTextGivesAmountAndTheCurrencyItNames() {
		assertThat(Conversions.convert("price", "$799.00", spec("money", null)))
			.isEqualTo(new Conversions.Money(new BigDecimal("799.00"), "USD"));
		assertThat(Conversions.convert("price", "1,299.5 EUR", spec("money", null)))
			.isEqualTo(new Conversions.Money(new BigDecimal("1299.5"), "EUR"));
		assertThat(Conversions.convert("price", "£12", spec("money", null)))
			.isEqualTo(new Conversions.Money(new BigDecimal("12"), "GBP"));
		assertThat(Conversions.convert("price", 42.5, spec("money", null)))
			.isEqualTo(new Conversions.Money(new BigDecimal("42.5"), null));
		assertThatThrownBy(() -> Conversions.convert("price", "abc", spec("money", null)))
			.isInstanceOf(RowRejectedException.class)
			.hasMessage("price: 'abc' is not an amount such as '$799.00'");
	}

	@Test
	void datesInTheMappingsFormatAreMidnightUtc() {
		assertThat(Conversions.convert("departs_at", "14/02/2027", spec("date", "dd/MM/yyyy")))
			.isEqualTo(Instant.parse("2027-02-14T00:00:00Z"));
		assertThatThrownBy(() -> Conversions.convert("departs_at", "2027-02-14", spec("date", "dd/MM/yyyy")))
			.hasMessage("departs_at: '2027-02-14' does not match the format dd/MM/yyyy");
	}

	@Test
	void instantsComeFromDriverDatesEpochMillisAndIsoText() {
		Instant instant = Instant.parse("2027-02-14T08:00:00Z");
		assertThat(Conversions.instant("start", Date.from(instant))).isEqualTo(instant);
		assertThat(Conversions.instant("start", instant.toEpochMilli())).isEqualTo(instant);
		assertThat(Conversions.instant("start", "2027-02-14T08:00:00Z")).isEqualTo(instant);
		assertThat(Conversions.instant("start", "2027-02-14T08:00:00")).isEqualTo(instant);
		assertThat(Conversions.instant("start", "2027-02-14")).isEqualTo(Instant.parse("2027-02-14T00:00:00Z"));
	}

	@Test
	void aStringWhereANumberBelongsRejectsTheRow() {
		assertThat(Conversions.convert("capacity", "24", spec("int", null))).isEqualTo(24);
		assertThat(Conversions.convert("capacity", 24L, spec("int", null))).isEqualTo(24);
		assertThatThrownBy(() -> Conversions.convert("capacity", "twenty", spec("int", null)))
			.hasMessage("capacity: 'twenty' is not a whole number");
		assertThatThrownBy(() -> Conversions.convert("capacity", 2.5, spec("int", null)))
			.hasMessage("capacity: '2.5' is not a whole number");
	}

	@Test
	void travlrLengthsGiveNights() {
		assertThat(Conversions.convert("nights", "4 nights / 5 days", spec("nights", null))).isEqualTo(4);
		assertThat(Conversions.convert("nights", "1 night", spec("nights", null))).isEqualTo(1);
		assertThatThrownBy(() -> Conversions.convert("nights", "a week", spec("nights", null)))
			.isInstanceOf(RowRejectedException.class);
	}

	@Test
	void sourceUrlsLoseTheirPasswords() {
		assertThat(SourceUrls.mask("mongodb://admin:s3cret@db.example.com:27017/travlr"))
			.isEqualTo("mongodb://admin:***@db.example.com:27017/travlr");
		assertThat(SourceUrls.mask("jdbc:mysql://db:3306/shop?user=app&password=s3cret&useSSL=true"))
			.isEqualTo("jdbc:mysql://db:3306/shop?user=app&password=***&useSSL=true");
		assertThat(SourceUrls.mask("mongodb://db.example.com/travlr")).isEqualTo("mongodb://db.example.com/travlr");
	}

}
