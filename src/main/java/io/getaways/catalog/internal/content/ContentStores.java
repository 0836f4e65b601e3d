package io.getaways.catalog.internal.content;

import io.getaways.catalog.StayContent;
import io.getaways.catalog.TripContent;
import io.getaways.platform.StoreMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The content document stores of trips and stays; the reconcile command imports them
 * without the rest.
 */
@Configuration(proxyBeanMethods = false)
public class ContentStores {

	@Bean
	ContentDocuments<TripContent> tripContentStore(MongoTemplate mongo, StoreMetrics metrics) {
		return new ContentDocuments<>(mongo, metrics, ContentKind.TRIP, TripContent::new,
				trip -> new ContentFields(trip.version(), trip.description(), trip.image(), trip.images(),
						trip.highlights(), trip.keywords(), trip.attributes()));
	}

	@Bean
	ContentDocuments<StayContent> stayContentStore(MongoTemplate mongo, StoreMetrics metrics) {
		return new ContentDocuments<>(mongo, metrics, ContentKind.STAY, StayContent::new,
				stay -> new ContentFields(stay.version(), stay.description(), stay.image(), stay.images(),
						stay.amenities(), stay.keywords(), stay.attributes()));
	}

}
