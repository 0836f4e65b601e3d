package io.getaways.analytics.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.getaways.analytics.internal.Report.Coverage;
import io.getaways.platform.InvalidParameterException;

/** A report window that reaches outside what its view covers. */
class ReportWindowNotCovered extends InvalidParameterException {

	private final Coverage covers;

	private final Instant refreshedAt;

	ReportWindowNotCovered(String parameter, String view, Coverage covers, Instant refreshedAt) {
		super(parameter,
				covers.empty() ? "the " + view + " view holds no data yet (refreshed at " + refreshedAt + ")"
						: "the " + view + " view covers " + covers.from() + " (inclusive) to " + covers.to()
								+ " (exclusive), refreshed at " + refreshedAt);
		this.covers = covers;
		this.refreshedAt = refreshedAt;
	}

	@Override
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>(super.properties());
		if (!covers.empty()) {
			properties.put("coversFrom", covers.from().toString());
			properties.put("coversTo", covers.to().toString());
		}
		properties.put("refreshedAt", refreshedAt.toString());
		return properties;
	}

}
