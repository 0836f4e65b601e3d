package io.getaways.catalog;

public enum TripStatus {
	ACTIVE, INACTIVE
}
