package io.getaways.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.getaways.identity.Identity;
import io.getaways.identity.ImportedTravlrUser;
import io.getaways.identity.UserAccount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class IdentityService implements Identity {

	private final UserRepository users;

	private final UserCreation creation;

	private final TransactionTemplate transactions;

	private final SignInService signIn;

	private final BulkUserImports bulk;

	IdentityService(UserRepository users, UserCreation creation, TransactionTemplate transactions, SignInService signIn,
			BulkUserImports bulk) {
		this.bulk = bulk;
		this.users = users;
		this.creation = creation;
		this.transactions = transactions;
		this.signIn = signIn;
	}

	@Override
	public AccessGrant register(String email, String name, String password, Client client) {
		signIn.register(email, name, password);
		return signIn(email, password, client);
	}

	@Override
	public AccessGrant signIn(String email, String password, Client client) {
		SignInService.Session session = signIn.signIn(email, password, client == Client.TRAVLR);
		return new AccessGrant(session.accessToken().value(), session.accessToken().expiresAt(), session.refreshToken(),
				session.user());
	}

	@Override
	public UserAccount createUser(String email, String name, String password, String role) {
		return creation.create(email, name, password, role);
	}

	@Override
	public Optional<UserAccount> findUser(UUID id) {
		return transactions.execute(status -> users.find(id));
	}

	@Override
	public boolean userExists(String email) {
		return creation.findId(email).isPresent();
	}

	@Override
	public Optional<UUID> findUserId(String email) {
		return creation.findId(email);
	}

	@Override
	public Set<String> importTravlrUsers(List<ImportedTravlrUser> batch) {
		return bulk.importTravlrUsers(batch);
	}

	@Override
	public Map<String, UUID> findUserIds(Collection<String> emails) {
		return bulk.findIds(emails);
	}

	@Override
	public boolean importTravlrUser(String email, String name, String salt, String hash) {
		return creation.importTravlrUser(email, name, TravlrPbkdf2.stored(salt, hash));
	}

	@Override
	public void checkAccount(String email, String name) {
		AccountRules.checkAccount(email, name);
	}

}
