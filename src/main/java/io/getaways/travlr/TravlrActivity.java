package io.getaways.travlr;

import java.util.Map;

import io.getaways.audit.Activity;
import io.getaways.audit.ActivityKind;
import io.getaways.platform.ActorContext;
import org.springframework.stereotype.Component;

/**
 * What signed-in Travlr clients read, for their activity stream; {@code api: travlr}
 * tells these events apart from those of /api/v1, as for sign-ins. Anonymous reads, the
 * usual case on these routes, record nothing and build nothing.
 */
@Component
class TravlrActivity {

	private final Activity activity;

	TravlrActivity(Activity activity) {
		this.activity = activity;
	}

	void listedTrips() {
		String userId = ActorContext.current().userId();
		if (userId != null) {
			activity.record(userId, ActivityKind.SEARCH, Map.of("catalog", "trips", "api", "travlr"));
		}
	}

	void viewedTrip(String code) {
		String userId = ActorContext.current().userId();
		if (userId != null) {
			activity.record(userId, ActivityKind.VIEW, Map.of("tripCode", code, "api", "travlr"));
		}
	}

}
