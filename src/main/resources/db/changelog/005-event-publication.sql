--liquibase formatted sql

--changeset getaways:005-event-publication
--comment: the outbox: Spring Modulith's event publication registry (JDBC, schema v2), written in the transaction that publishes
CREATE TABLE app.event_publication (
  id                     uuid NOT NULL,
  listener_id            text NOT NULL,
  event_type             text NOT NULL,
  serialized_event       text NOT NULL,
  publication_date       timestamptz NOT NULL,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    integer,
  last_resubmission_date timestamptz,
  CONSTRAINT event_publication_pkey PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON app.event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON app.event_publication (completion_date);
CREATE INDEX event_publication_incomplete_idx ON app.event_publication (publication_date) WHERE completion_date IS NULL;
GRANT SELECT, INSERT, UPDATE, DELETE ON app.event_publication TO ${role_app}, ${role_customer}, ${role_admin}, ${role_jobs};
GRANT SELECT ON app.event_publication TO ${role_readonly}, ${role_backup};
--rollback DROP TABLE app.event_publication;
