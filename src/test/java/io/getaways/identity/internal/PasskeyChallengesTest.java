package io.getaways.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.web.webauthn.api.Bytes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Challenges while Redis cannot be reached (nothing listens on its port): kept in memory,
 * still single use and still bound to their purpose. The Redis path is covered by
 * PasskeysIT.
 */
class PasskeyChallengesTest {

	private LettuceConnectionFactory unreachable;

	private PasskeyChallenges challenges;

	@BeforeEach
	void redisDown() {
		unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(200)).build());
		unreachable.afterPropertiesSet();
		unreachable.start();
		challenges = new PasskeyChallenges(new StringRedisTemplate(unreachable),
				new PasskeySettings("localhost", "Getaways", List.of("http://localhost:8080"), Duration.ofSeconds(30)));
	}

	@AfterEach
	void close() {
		unreachable.destroy();
	}

	@Test
	void aChallengeKeptInMemoryIsTakenOnceForItsPurpose() {
		UUID user = UUID.randomUUID();
		Bytes challenge = Bytes.random();
		String id = challenges.keep(PasskeyChallenges.Purpose.REGISTRATION, user, challenge);

		assertThat(challenges.take(PasskeyChallenges.Purpose.SIGN_IN, id)).isEmpty();
		PasskeyChallenges.Issued issued = challenges.take(PasskeyChallenges.Purpose.REGISTRATION, id).orElseThrow();
		assertThat(issued.userId()).isEqualTo(user);
		assertThat(issued.challenge()).isEqualTo(challenge);
		assertThat(challenges.take(PasskeyChallenges.Purpose.REGISTRATION, id)).isEmpty();
	}

	@Test
	void anExpiredChallengeIsGone() throws InterruptedException {
		PasskeyChallenges shortLived = new PasskeyChallenges(new StringRedisTemplate(unreachable),
				new PasskeySettings("localhost", "Getaways", List.of("http://localhost:8080"), Duration.ofMillis(50)));
		String id = shortLived.keep(PasskeyChallenges.Purpose.SIGN_IN, null, Bytes.random());
		Thread.sleep(100);
		assertThat(shortLived.take(PasskeyChallenges.Purpose.SIGN_IN, id)).isEmpty();
	}

	@Test
	void idsThatCannotBeOursAreNotLookedUp() {
		assertThat(challenges.take(PasskeyChallenges.Purpose.SIGN_IN, null)).isEmpty();
		assertThat(challenges.take(PasskeyChallenges.Purpose.SIGN_IN, "*")).isEmpty();
		String id = challenges.keep(PasskeyChallenges.Purpose.SIGN_IN, null, Bytes.random());
		assertThat(challenges.take(PasskeyChallenges.Purpose.SIGN_IN, id).orElseThrow().userId()).isNull();
	}

}
