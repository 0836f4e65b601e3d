package io.getaways.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread's workload: an entered scope first, then the actor's role, then the thread's
 * default, then request traffic.
 */
class WorkloadTest {

	@Test
	void requestTrafficUnlessSomethingSaysOtherwise() {
		assertThat(Workload.current()).isEqualTo(Workload.REQUESTS);
		assertThat(ActorContext.callAs(Actor.anonymous(), Workload::current)).isEqualTo(Workload.REQUESTS);
		assertThat(ActorContext.callAs(Actor.anonymous().as(Actor.Role.ADMIN), Workload::current))
			.isEqualTo(Workload.REQUESTS);
	}

	@Test
	void jobsAndReadersFollowTheActorsRole() {
		assertThat(ActorContext.callAs(Actor.job("workload-test"), Workload::current)).isEqualTo(Workload.JOBS);
		assertThat(ActorContext.callAs(Actor.anonymous().as(Actor.Role.READONLY), Workload::current))
			.isEqualTo(Workload.REPORTING);
	}

	@Test
	void anEnteredScopeWinsOverTheActorAndEndsWithIt() {
		Workload refresh = Workload.REPORTING
			.call(() -> ActorContext.callAs(Actor.job("analytics-refresh"), Workload::current));
		assertThat(refresh).isEqualTo(Workload.REPORTING);
		assertThat(Workload.JOBS.call(() -> Workload.REPORTING.call(Workload::current))).isEqualTo(Workload.REPORTING);
		assertThat(Workload.current()).isEqualTo(Workload.REQUESTS);
	}

	@Test
	void aThreadDefaultYieldsToTheActorsRoleAndToScopes() {
		try (ActorContext.Scope thread = Workload.JOBS.enterAsThreadDefault()) {
			assertThat(Workload.current()).isEqualTo(Workload.JOBS);
			assertThat(ActorContext.callAs(Actor.anonymous(), Workload::current)).isEqualTo(Workload.JOBS);
			assertThat(ActorContext.callAs(Actor.anonymous().as(Actor.Role.READONLY), Workload::current))
				.isEqualTo(Workload.REPORTING);
			assertThat(Workload.REQUESTS.call(Workload::current)).isEqualTo(Workload.REQUESTS);
		}
		assertThat(Workload.current()).isEqualTo(Workload.REQUESTS);
	}

	@Test
	void poolNamesAndPropertyKeys() {
		assertThat(Workload.REPORTING.poolName()).isEqualTo("getaways-reporting");
		assertThat(Workload.JOBS.key()).isEqualTo("jobs");
	}

}
