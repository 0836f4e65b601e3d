package io.getaways.platform.web;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestActorFilterTest {

	private final RequestActorFilter filter = new RequestActorFilter();

	@Test
	void aPrintableUserAgentIsKeptAsSent() throws Exception {
		String agent = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0 ünïcode";
		assertThat(actorFor(agent, "rid-1").userAgent()).isEqualTo(agent);
	}

	@Test
	void controlCharactersAreDroppedFromTheUserAgent() throws Exception {
		assertThat(actorFor("bad\r\nX-Injected: 1\u0000\u001f\u007fend\t", "rid-2").userAgent())
			.isEqualTo("badX-Injected: 1end");
	}

	@Test
	void aLongUserAgentIsCutAfterTheControlCharactersAreGone() throws Exception {
		String agent = "\n" + "a".repeat(300);
		assertThat(actorFor(agent, "rid-3").userAgent()).isEqualTo("a".repeat(256));
	}

	@Test
	void anUnsafeRequestIdIsReplacedAndASafeOneKept() throws Exception {
		assertThat(actorFor("agent", "rid-4").requestId()).isEqualTo("rid-4");
		assertThat(actorFor("agent", "bad id\r\n").requestId()).matches("[0-9a-f-]{36}");
	}

	@Test
	void newRequestIdsAreVersionFourUuidsAndDiffer() {
		UUID id = UUID.fromString(RequestActorFilter.newRequestId());
		assertThat(id.version()).isEqualTo(4);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(RequestActorFilter.newRequestId()).isNotEqualTo(RequestActorFilter.newRequestId());
	}

	private Actor actorFor(String userAgent, String requestId) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/trips");
		request.addHeader("User-Agent", userAgent);
		request.addHeader(RequestActorFilter.REQUEST_ID, requestId);
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<Actor> seen = new AtomicReference<>();
		FilterChain chain = (req, res) -> seen.set(ActorContext.current());
		filter.doFilter(request, response, chain);
		assertThat(response.getHeader(RequestActorFilter.REQUEST_ID)).isEqualTo(seen.get().requestId());
		return seen.get();
	}

}
