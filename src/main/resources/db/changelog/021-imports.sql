--liquibase formatted sql

--changeset getaways:021-import-checkpoints
--comment: where each import stopped, per source and entity: the rows done and the tallies so far, written in the same transaction as the batch they follow, so --resume continues exactly after the last committed batch. The run key is a digest of the masked source and the mapping; no row data, no secret
CREATE TABLE app.import_checkpoints (
  run_key    text NOT NULL,
  entity     text NOT NULL,
  source     text NOT NULL,
  position   bigint NOT NULL,
  inserted   bigint NOT NULL,
  updated    bigint NOT NULL,
  skipped    bigint NOT NULL,
  rejected   bigint NOT NULL,
  checksum   text NOT NULL,
  finished   boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT import_checkpoints_pkey PRIMARY KEY (run_key, entity),
  CONSTRAINT import_checkpoints_counts_chk CHECK (position >= 0 AND inserted >= 0 AND updated >= 0
    AND skipped >= 0 AND rejected >= 0)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON app.import_checkpoints TO ${role_admin};
GRANT SELECT ON app.import_checkpoints TO ${role_backup};
--rollback DROP TABLE app.import_checkpoints;

--changeset getaways:021-import-references
--comment: the natural key a source gave a row that has no such key here (a booking's reference), and the row it became: what makes a re-run of an import skip it. Written in the same transaction as the row
CREATE TABLE app.import_references (
  entity     text NOT NULL,
  source_key text NOT NULL,
  target_id  uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT import_references_pkey PRIMARY KEY (entity, source_key)
);
GRANT SELECT, INSERT ON app.import_references TO ${role_admin};
GRANT SELECT ON app.import_references TO ${role_backup};
--rollback DROP TABLE app.import_references;
