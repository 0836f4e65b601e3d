--liquibase formatted sql

--changeset getaways:011-identity-audit-triggers
--comment: every change to identities and credentials is audited; secrets are masked in the row images
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON app.users
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id', 'password_hash');
CREATE TRIGGER user_roles_audit AFTER INSERT OR UPDATE OR DELETE ON app.user_roles
  FOR EACH ROW EXECUTE FUNCTION audit.capture('user_id');
CREATE TRIGGER api_keys_audit AFTER INSERT OR UPDATE OR DELETE ON system.api_keys
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id', 'key_hash');
CREATE TRIGGER refresh_tokens_audit AFTER INSERT OR UPDATE OR DELETE ON system.refresh_tokens
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id', 'token_hash');
CREATE TRIGGER signing_keys_audit AFTER INSERT OR UPDATE OR DELETE ON system.signing_keys
  FOR EACH ROW EXECUTE FUNCTION audit.capture('kid', 'private_key');
CREATE TRIGGER rate_limit_overrides_audit AFTER INSERT OR UPDATE OR DELETE ON system.rate_limit_overrides
  FOR EACH ROW EXECUTE FUNCTION audit.capture('subject');
CREATE TRIGGER oauth2_registered_client_audit AFTER INSERT OR UPDATE OR DELETE ON system.oauth2_registered_client
  FOR EACH ROW EXECUTE FUNCTION audit.capture('client_id', 'client_secret');
GRANT USAGE ON SCHEMA audit TO ${role_customer}, ${role_jobs}, ${role_system};
GRANT EXECUTE ON FUNCTION audit.record_event(text, text, jsonb) TO ${role_system};
--rollback REVOKE EXECUTE ON FUNCTION audit.record_event(text, text, jsonb) FROM ${role_system};
--rollback REVOKE USAGE ON SCHEMA audit FROM ${role_customer}, ${role_jobs}, ${role_system};
--rollback DROP TRIGGER oauth2_registered_client_audit ON system.oauth2_registered_client;
--rollback DROP TRIGGER rate_limit_overrides_audit ON system.rate_limit_overrides;
--rollback DROP TRIGGER signing_keys_audit ON system.signing_keys;
--rollback DROP TRIGGER refresh_tokens_audit ON system.refresh_tokens;
--rollback DROP TRIGGER api_keys_audit ON system.api_keys;
--rollback DROP TRIGGER user_roles_audit ON app.user_roles;
--rollback DROP TRIGGER users_audit ON app.users;
