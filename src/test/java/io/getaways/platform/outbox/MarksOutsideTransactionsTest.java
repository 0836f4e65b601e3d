package io.getaways.platform.outbox;

import java.util.ArrayList;
import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;

class MarksOutsideTransactionsTest {

	/** The shape of Modulith's registry methods that matter here. */
	static class Registry {

		final List<String> calls = new ArrayList<>();

		public void markProcessing(Object event, String listener) {
			calls.add("processing " + listener);
		}

		public void markCompleted(Object event, String listener) {
			calls.add("completed " + listener);
		}

		public void markFailed(Object event, String listener) {
			calls.add("failed " + listener);
		}

	}

	private final List<String> transactions = new ArrayList<>();

	private final Registry target = new Registry();

	private final Registry registry = proxy();

	@Test
	void marksReachTheRegistryWithoutItsTransaction() {
		registry.markProcessing("event", "cache");
		registry.markCompleted("event", "cache");

		assertThat(target.calls).containsExactly("processing cache", "completed cache");
		assertThat(transactions).isEmpty();
	}

	@Test
	void everythingElseKeepsIt() {
		registry.markFailed("event", "cache");

		assertThat(target.calls).containsExactly("failed cache");
		assertThat(transactions).containsExactly("markFailed");
	}

	private Registry proxy() {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		// stands for the transaction advice Spring puts on the registry
		factory.addAdvice((MethodInterceptor) invocation -> {
			transactions.add(invocation.getMethod().getName());
			return invocation.proceed();
		});
		factory.addAdvice(0, new MarksOutsideTransactions());
		return (Registry) factory.getProxy();
	}

}
