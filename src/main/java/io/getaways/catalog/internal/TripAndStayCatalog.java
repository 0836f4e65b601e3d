package io.getaways.catalog.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.StayDraft;
import io.getaways.catalog.Trip;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripDraft;
import org.springframework.stereotype.Service;

/**
 * The catalog's operations, each handed to the trips' or the stays'
 * {@link ListingCatalog}.
 */
@Service
class TripAndStayCatalog implements Listings {

	private final TripCatalog trips;

	private final StayCatalog stays;

	TripAndStayCatalog(TripCatalog trips, StayCatalog stays) {
		this.trips = trips;
		this.stays = stays;
	}

	@Override
	public TripPage search(TripQuery query) {
		return trips.search(query);
	}

	@Override
	public Optional<TripDetails> findTrip(String code) {
		return trips.find(code);
	}

	@Override
	public List<TripDetails> listTrips() {
		return trips.listActive();
	}

	@Override
	public TripDetails createTrip(TripDraft draft) {
		return trips.create(draft);
	}

	@Override
	public List<String> createTrips(List<TripDraft> drafts) {
		return drafts.isEmpty() ? List.of() : trips.createAll(drafts);
	}

	@Override
	public Set<String> takenTripCodes(Collection<String> codes) {
		return codes.isEmpty() ? Set.of() : trips.takenCodes(codes);
	}

	@Override
	public TripDetails replaceTrip(TripDraft draft) {
		return trips.replace(draft);
	}

	@Override
	public Trip changeTripStatus(String code, ListingStatus status) {
		return trips.changeStatus(code, status);
	}

	@Override
	public StayPage searchStays(StayQuery query) {
		return stays.search(query);
	}

	@Override
	public Optional<StayDetails> findStay(String code) {
		return stays.find(code);
	}

	@Override
	public List<StayOccupancy> stayOccupancy(String code, LocalDate from, LocalDate to) {
		return stays.occupancy(code, from, to);
	}

	@Override
	public StayDetails createStay(StayDraft draft) {
		return stays.create(draft);
	}

	@Override
	public List<String> createStays(List<StayDraft> drafts) {
		Set<String> taken = takenStayCodes(drafts.stream().map(StayDraft::code).toList());
		return drafts.stream()
			.filter(draft -> !taken.contains(draft.code()))
			.map(draft -> stays.create(draft).stay().code())
			.toList();
	}

	@Override
	public Set<String> takenStayCodes(Collection<String> codes) {
		return codes.isEmpty() ? Set.of() : stays.takenCodes(codes);
	}

	@Override
	public StayDetails replaceStay(StayDraft draft) {
		return stays.replace(draft);
	}

	@Override
	public Stay changeStayStatus(String code, ListingStatus status) {
		return stays.changeStatus(code, status);
	}

}
