package io.getaways.platform.web;

import io.getaways.platform.ActorContext;

final class RequestIds {

	private RequestIds() {
	}

	static String current() {
		String id = ActorContext.current().requestId();
		return id == null ? "none" : id;
	}

}
