package io.getaways.payment.internal;

import io.getaways.identity.UserAccount;
import io.getaways.payment.TestPayers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What the payment tests share: the application's context, the payers fixture over it,
 * and one traveller, made once per test class, who pays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractPaymentIT {

	@Autowired
	ApplicationContext context;

	TestPayers payers;

	UserAccount traveller;

	@BeforeAll
	void setUp() {
		payers = new TestPayers(context);
		traveller = payers.newUser("customer");
	}

}
