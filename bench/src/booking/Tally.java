package booking;

import java.util.ArrayList;
import java.util.List;

import support.Latencies;

/** One client's figures over a phase; merged into the phase's at the end. */
final class Tally {

	final Latencies cycle = new Latencies();
	final Latencies book = new Latencies();
	final Latencies pay = new Latencies();
	final List<String> confirmed = new ArrayList<>();
	long errors;
	String firstError;

	void error(String what) {
		errors++;
		if (firstError == null) {
			firstError = what;
		}
	}

	void addAll(Tally other) {
		cycle.addAll(other.cycle);
		book.addAll(other.book);
		pay.addAll(other.pay);
		confirmed.addAll(other.confirmed);
		errors += other.errors;
		if (firstError == null) {
			firstError = other.firstError;
		}
	}
}
