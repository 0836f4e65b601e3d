--liquibase formatted sql

--changeset getaways:028-import-target-checksum
--comment: beside the checksum of the accepted source rows, the checksum of the same rows read back from the target in the same canonical form, saved with each batch so that a resumed import reports it too; '0' (nothing read back yet) for checkpoints written before
ALTER TABLE app.import_checkpoints ADD COLUMN target_checksum text NOT NULL DEFAULT '0';
--rollback ALTER TABLE app.import_checkpoints DROP COLUMN target_checksum;
