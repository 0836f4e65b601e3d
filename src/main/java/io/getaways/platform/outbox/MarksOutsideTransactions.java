package io.getaways.platform.outbox;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;

/**
 * Lets Modulith's publication registry mark a listener started or finished without the
 * new transaction it declares for that ({@code REQUIRES_NEW}), placed before its
 * transaction advice. With {@link BatchedMarksRepository} the mark is only queued, so
 * that transaction was empty of its purpose yet still cost a pooled connection, the
 * transaction context statement and a COMMIT, twice per listener: twelve transactions per
 * book-and-pay cycle, on the request thread for the synchronous listeners (issue 19).
 * What still writes at once (a full queue, a mark by event and listener) runs in its own
 * transaction there.
 */
final class MarksOutsideTransactions implements MethodInterceptor {

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		if (isMark(method) && invocation.getThis() != null) {
			return AopUtils.invokeJoinpointUsingReflection(invocation.getThis(), method, invocation.getArguments());
		}
		return invocation.proceed();
	}

	/**
	 * {@code markProcessing(event, listener)} and {@code markCompleted(event, listener)}.
	 */
	static boolean isMark(Method method) {
		return (method.getName().equals("markProcessing") || method.getName().equals("markCompleted"))
				&& method.getParameterCount() == 2;
	}

}
