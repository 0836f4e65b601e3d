--liquibase formatted sql

--changeset getaways:027-import-bookings-final-state splitStatements:false rollbackSplitStatements:false
--comment: a booking brought in from another system already went through its states there, so an import may insert it in its final state (CONFIRMED, COMPLETED or CANCELLED) in one INSERT, audited once as inserted in that state by the import's actor, instead of being written three times; only the admin role acting as an import (app.actor import:<source>) may, so a traveller, an admin or a job still starts every booking PENDING and moves it only along the state machine the update trigger guards
CREATE OR REPLACE FUNCTION app.guard_booking_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.status <> 'PENDING' AND NOT (
       NEW.status IN ('CONFIRMED', 'COMPLETED', 'CANCELLED')
       AND current_user = '${role_admin}'
       AND coalesce(current_setting('app.actor', true), '') LIKE 'import:%') THEN
    RAISE EXCEPTION 'a booking starts PENDING, not %', NEW.status USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END
$$;
--rollback CREATE OR REPLACE FUNCTION app.guard_booking_insert() RETURNS trigger
--rollback LANGUAGE plpgsql
--rollback AS $$
--rollback BEGIN
--rollback   IF NEW.status <> 'PENDING' THEN
--rollback     RAISE EXCEPTION 'a booking starts PENDING, not %', NEW.status USING ERRCODE = '23514';
--rollback   END IF;
--rollback   RETURN NEW;
--rollback END
--rollback $$;
