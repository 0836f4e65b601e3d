--liquibase formatted sql

--changeset getaways:017-scheduler-locks
--comment: ShedLock's lock rows: with several instances, each scheduled job runs on one of them at a time. The lock is taken outside any request transaction, so the pool role itself holds these rights; the rows name jobs and instances, nothing else
CREATE TABLE system.shedlock (
  name       varchar(64) NOT NULL,
  lock_until timestamptz NOT NULL,
  locked_at  timestamptz NOT NULL,
  locked_by  varchar(255) NOT NULL,
  CONSTRAINT shedlock_pkey PRIMARY KEY (name)
);
GRANT SELECT, INSERT, UPDATE ON system.shedlock TO ${role_app};
GRANT SELECT ON system.shedlock TO ${role_backup};
--rollback DROP TABLE system.shedlock;
