package io.getaways.platform.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsistencyTokensTest {

	private final ConsistencyTokens tokens = new ConsistencyTokens(Duration.ofMillis(100));

	private final Actor alice = new Actor(Actor.Role.CUSTOMER, "alice", "Alice", null, null, null);

	private final Actor bob = new Actor(Actor.Role.CUSTOMER, "bob", "Bob", null, null, null);

	@Test
	void aUsersCommitIsWhatThatUserAloneMustSeeUntilItExpires() throws InterruptedException {
		ActorContext.runAs(alice, () -> tokens.committed(500));
		assertThat(ActorContext.callAs(alice, tokens::required)).isEqualTo(500);
		assertThat(ActorContext.callAs(bob, tokens::required)).isZero();
		ActorContext.runAs(alice, () -> tokens.committed(400));
		assertThat(ActorContext.callAs(alice, tokens::required)).isEqualTo(500);
		Thread.sleep(250);
		assertThat(ActorContext.callAs(alice, tokens::required)).isZero();
		assertThat(tokens.kept()).isZero();
	}

	@Test
	void aRequestCarriesTheClientsTokenAndAnswersTheNewOne() {
		List<String> answered = new ArrayList<>();
		try (ActorContext.Scope request = ConsistencyTokens.enterRequest(Lsn.parse("0/300"), answered::add)) {
			assertThat(tokens.required()).isEqualTo(0x300);
			assertThat(tokens.wanted()).isTrue();
			tokens.committed(0x200);
			assertThat(answered).containsExactly("0/300");
			tokens.committed(0x400);
			assertThat(answered).containsExactly("0/300", "0/400");
			assertThat(tokens.required()).isEqualTo(0x400);
		}
		assertThat(tokens.required()).isZero();
		assertThat(tokens.wanted()).isFalse();
	}

	@Test
	void aCommitAtAnUnknownPositionSendsTheUsersReadsToThePrimaryWithoutAnsweringAToken() {
		List<String> answered = new ArrayList<>();
		try (ActorContext.Scope request = ConsistencyTokens.enterRequest(0, answered::add)) {
			ActorContext.runAs(alice, tokens::committedAtUnknownPosition);
			assertThat(ActorContext.callAs(alice, tokens::required)).isEqualTo(Long.MAX_VALUE);
		}
		assertThat(answered).isEmpty();
	}

}
