--liquibase formatted sql

--changeset getaways:026-import-reviews
--comment: an import keeps reviews written in another system, as the admin role (import:<source>), with the author and date the source gave; the eligibility trigger still demands the author's COMPLETED booking, and the rating trigger moves the trip's or stay's average as for any review
GRANT INSERT ON app.reviews TO ${role_admin};
--rollback REVOKE INSERT ON app.reviews FROM ${role_admin};
