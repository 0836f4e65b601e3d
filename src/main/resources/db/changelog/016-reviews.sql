--liquibase formatted sql

--changeset getaways:016-reviews
--comment: one review per traveller per trip or stay, tied to the completed booking that entitles it
CREATE TABLE app.reviews (
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL,
  user_id    uuid NOT NULL,
  trip_id    bigint,
  stay_id    bigint,
  rating     smallint NOT NULL,
  body       text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reviews_pkey PRIMARY KEY (id),
  CONSTRAINT reviews_booking_key UNIQUE (booking_id),
  CONSTRAINT reviews_booking_fkey FOREIGN KEY (booking_id) REFERENCES app.bookings (id),
  CONSTRAINT reviews_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id),
  CONSTRAINT reviews_trip_fkey FOREIGN KEY (trip_id) REFERENCES app.trips (id),
  CONSTRAINT reviews_stay_fkey FOREIGN KEY (stay_id) REFERENCES app.stays (id),
  CONSTRAINT reviews_target_chk CHECK (num_nonnulls(trip_id, stay_id) = 1),
  CONSTRAINT reviews_rating_chk CHECK (rating BETWEEN 1 AND 5),
  CONSTRAINT reviews_body_chk CHECK (length(body) BETWEEN 1 AND 2000)
);
CREATE UNIQUE INDEX reviews_one_per_trip ON app.reviews (user_id, trip_id) WHERE trip_id IS NOT NULL;
CREATE UNIQUE INDEX reviews_one_per_stay ON app.reviews (user_id, stay_id) WHERE stay_id IS NOT NULL;
CREATE INDEX reviews_trip_idx ON app.reviews (trip_id, created_at DESC) WHERE trip_id IS NOT NULL;
CREATE INDEX reviews_stay_idx ON app.reviews (stay_id, created_at DESC) WHERE stay_id IS NOT NULL;
CREATE INDEX reviews_user_idx ON app.reviews (user_id);
CREATE TRIGGER reviews_touch BEFORE UPDATE ON app.reviews FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER reviews_audit AFTER INSERT OR UPDATE OR DELETE ON app.reviews
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id');
--rollback DROP TABLE app.reviews;

--changeset getaways:016-review-eligibility splitStatements:false
--comment: the last line behind the review module's own check: only the traveller of a COMPLETED booking reviews, and the review's trip or stay is the booking's
CREATE FUNCTION app.check_review_eligibility() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  b record;
BEGIN
  SELECT user_id, trip_id, stay_id, status INTO b FROM app.bookings WHERE id = NEW.booking_id;
  IF NOT FOUND OR b.user_id <> NEW.user_id OR b.status <> 'COMPLETED' THEN
    RAISE EXCEPTION 'booking % does not entitle user % to a review', NEW.booking_id, NEW.user_id
      USING ERRCODE = '23514';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.booking_id, NEW.user_id) IS DISTINCT FROM (OLD.booking_id, OLD.user_id) THEN
    RAISE EXCEPTION 'review % cannot move to another booking or author', OLD.id USING ERRCODE = '23514';
  END IF;
  NEW.trip_id := b.trip_id;
  NEW.stay_id := b.stay_id;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app.check_review_eligibility() FROM PUBLIC;
CREATE TRIGGER reviews_eligibility BEFORE INSERT OR UPDATE ON app.reviews
  FOR EACH ROW EXECUTE FUNCTION app.check_review_eligibility();
--rollback DROP TRIGGER reviews_eligibility ON app.reviews;
--rollback DROP FUNCTION app.check_review_eligibility();

--changeset getaways:016-review-ratings splitStatements:false
--comment: average rating and review count follow every review change; sums and counts only add, so concurrent reviews of one trip never lose an update
CREATE FUNCTION app.apply_review_rating() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE app.trips SET rating_sum = rating_sum - OLD.rating, review_count = review_count - 1 WHERE id = OLD.trip_id;
    UPDATE app.stays SET rating_sum = rating_sum - OLD.rating, review_count = review_count - 1 WHERE id = OLD.stay_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE app.trips SET rating_sum = rating_sum + NEW.rating, review_count = review_count + 1 WHERE id = NEW.trip_id;
    UPDATE app.stays SET rating_sum = rating_sum + NEW.rating, review_count = review_count + 1 WHERE id = NEW.stay_id;
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION app.apply_review_rating() FROM PUBLIC;
CREATE TRIGGER reviews_rating AFTER INSERT OR DELETE OR UPDATE OF rating ON app.reviews
  FOR EACH ROW EXECUTE FUNCTION app.apply_review_rating();
--rollback DROP TRIGGER reviews_rating ON app.reviews;
--rollback DROP FUNCTION app.apply_review_rating();

--changeset getaways:016-reviews-security
--comment: reviews are published: everyone reads them; only their author writes them, and admins moderate
ALTER TABLE app.reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY reviews_read ON app.reviews FOR SELECT TO ${role_customer}, ${role_readonly} USING (true);
CREATE POLICY reviews_own_insert ON app.reviews FOR INSERT TO ${role_customer}
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY reviews_own_update ON app.reviews FOR UPDATE TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY reviews_own_delete ON app.reviews FOR DELETE TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY reviews_admin ON app.reviews FOR ALL TO ${role_admin} USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE (rating, body), DELETE ON app.reviews TO ${role_customer};
GRANT SELECT, DELETE ON app.reviews TO ${role_admin};
GRANT SELECT ON app.reviews TO ${role_readonly}, ${role_backup};
--rollback REVOKE ALL ON app.reviews FROM ${role_customer}, ${role_admin}, ${role_readonly}, ${role_backup};
--rollback DROP POLICY reviews_admin ON app.reviews;
--rollback DROP POLICY reviews_own_delete ON app.reviews;
--rollback DROP POLICY reviews_own_update ON app.reviews;
--rollback DROP POLICY reviews_own_insert ON app.reviews;
--rollback DROP POLICY reviews_read ON app.reviews;
--rollback ALTER TABLE app.reviews NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.reviews DISABLE ROW LEVEL SECURITY;

--changeset getaways:016-review-eligibility-function splitStatements:false
--comment: a precise answer before inserting, for the caller's own booking only: unknown and someone else's bookings look the same, so nobody learns that a booking exists; the trigger above stays the last line
CREATE POLICY reviews_definer_functions ON app.reviews FOR SELECT TO ${role_owner} USING (true);
CREATE FUNCTION app.review_eligibility(p_booking_id uuid)
RETURNS TABLE (status text, trip_code text, stay_code text, already_reviewed boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT b.status, t.code, s.code,
         EXISTS (SELECT 1 FROM app.reviews r WHERE r.user_id = b.user_id AND r.trip_id = b.trip_id)
         OR EXISTS (SELECT 1 FROM app.reviews r WHERE r.user_id = b.user_id AND r.stay_id = b.stay_id)
  FROM app.bookings b
  LEFT JOIN app.trips t ON t.id = b.trip_id
  LEFT JOIN app.stays s ON s.id = b.stay_id
  WHERE b.id = p_booking_id
    AND b.user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid)
$$;
REVOKE ALL ON FUNCTION app.review_eligibility(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.review_eligibility(uuid) TO ${role_customer};
--rollback DROP FUNCTION app.review_eligibility(uuid);
--rollback DROP POLICY reviews_definer_functions ON app.reviews;

--changeset getaways:016-review-views
--comment: what the review module reads besides its own table, in one place: the code of a review's trip or stay, and the rating a trip or stay carries; security_invoker keeps every reader under its own grants and policies
CREATE VIEW app.published_reviews WITH (security_invoker = true) AS
  SELECT r.id, r.user_id, r.trip_id, r.stay_id, t.code AS trip_code, s.code AS stay_code, r.rating, r.body,
         r.created_at, r.updated_at
  FROM app.reviews r
  LEFT JOIN app.trips t ON t.id = r.trip_id
  LEFT JOIN app.stays s ON s.id = r.stay_id;
CREATE VIEW app.review_subjects WITH (security_invoker = true) AS
  SELECT 'TRIP'::text AS kind, id, code, rating_average, review_count FROM app.trips
  UNION ALL
  SELECT 'STAY'::text AS kind, id, code, rating_average, review_count FROM app.stays;
GRANT SELECT ON app.published_reviews, app.review_subjects TO ${role_customer}, ${role_admin}, ${role_readonly};
--rollback DROP VIEW app.review_subjects;
--rollback DROP VIEW app.published_reviews;
