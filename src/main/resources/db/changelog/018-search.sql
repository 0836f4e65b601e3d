--liquibase formatted sql

--changeset getaways:018-unaccent
--comment: unaccent is a trusted extension, so the database owner may create it like the ones of 001
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
--rollback DROP EXTENSION IF EXISTS unaccent;

--changeset getaways:018-search-configurations
--comment: a configuration per language folds accents before stemming, so documents, queries and ts_headline agree on "Cancun" = "Cancún"
CREATE SCHEMA search;
CREATE TEXT SEARCH CONFIGURATION search.english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION search.english
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH public.unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION search.simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION search.simple
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH public.unaccent, simple;
--rollback DROP SCHEMA search CASCADE;

--changeset getaways:018-search-fold splitStatements:false
--comment: unaccent() is only STABLE (its dictionary could change); with the dictionary named, folding is fixed, so it may index
CREATE FUNCTION search.fold(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT pg_catalog.lower(public.unaccent('public.unaccent'::regdictionary, p_text))
$$;
--rollback DROP FUNCTION search.fold(text);

--changeset getaways:018-search-listings
CREATE TABLE search.settings (
  id     boolean NOT NULL DEFAULT true,
  config regconfig NOT NULL,
  CONSTRAINT settings_pkey PRIMARY KEY (id),
  CONSTRAINT settings_one_row_chk CHECK (id)
);
INSERT INTO search.settings (id, config) VALUES (true, 'search.english');
CREATE TABLE search.listings (
  kind             text NOT NULL,
  code             text NOT NULL,
  listing_id       bigint NOT NULL,
  name             text NOT NULL,
  place            text NOT NULL,
  country          text,
  city             text,
  price            numeric(12, 2) NOT NULL,
  currency         char(3) NOT NULL,
  rating           numeric(3, 2),
  review_count     integer NOT NULL DEFAULT 0,
  starts_at        timestamptz,
  nights           integer,
  seats_left       integer,
  max_guests       integer,
  active           boolean NOT NULL,
  facts_updated_at timestamptz NOT NULL,
  content_version  bigint NOT NULL DEFAULT 0,
  description      text NOT NULL DEFAULT '',
  highlights       text NOT NULL DEFAULT '',
  config           regconfig NOT NULL,
  document         tsvector NOT NULL,
  title            text NOT NULL,
  indexed_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT listings_pkey PRIMARY KEY (kind, code),
  CONSTRAINT listings_kind_chk CHECK (kind IN ('trip', 'stay'))
);
CREATE INDEX listings_document_idx ON search.listings USING gin (document);
CREATE INDEX listings_title_trgm_idx ON search.listings USING gin (title gin_trgm_ops);
CREATE INDEX listings_price_idx ON search.listings (price);
CREATE INDEX listings_country_idx ON search.listings (lower(country));
--rollback DROP TABLE search.listings;
--rollback DROP TABLE search.settings;

--changeset getaways:018-search-document splitStatements:false
--comment: the document is derived in one place, so writers (the indexer, a bulk load) only give the parts
CREATE FUNCTION search.build_document() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.document :=
       setweight(pg_catalog.to_tsvector(NEW.config, NEW.name), 'A')
    || setweight(pg_catalog.to_tsvector(NEW.config, concat_ws(' ', NEW.place, NEW.city, NEW.country)), 'B')
    || setweight(pg_catalog.to_tsvector(NEW.config, NEW.description || ' ' || NEW.highlights), 'C');
  NEW.title := search.fold(NEW.name || ' ' || NEW.place);
  NEW.indexed_at := pg_catalog.now();
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION search.build_document() FROM PUBLIC;
CREATE TRIGGER listings_document BEFORE INSERT OR UPDATE ON search.listings
  FOR EACH ROW EXECUTE FUNCTION search.build_document();
--rollback DROP TRIGGER listings_document ON search.listings;
--rollback DROP FUNCTION search.build_document();

--changeset getaways:018-search-matching splitStatements:false
--comment: what the catalog's list endpoints call for q=, so that they match like /api/v1/search without a Java dependency
CREATE FUNCTION search.matching(p_kind text, p_query text) RETURNS SETOF text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT l.code
  FROM search.listings l
  CROSS JOIN search.settings s
  WHERE l.kind = p_kind
    AND l.document @@ pg_catalog.websearch_to_tsquery(s.config, p_query)
$$;
REVOKE ALL ON FUNCTION search.matching(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION search.fold(text) FROM PUBLIC;
--rollback DROP FUNCTION search.matching(text, text);

--changeset getaways:018-search-grants
--comment: travellers and admins read; only background jobs (the indexer) write; nothing holds personal data
GRANT USAGE ON SCHEMA search TO ${role_app}, ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_backup};
GRANT SELECT ON search.listings, search.settings TO ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_backup};
GRANT INSERT, UPDATE, DELETE ON search.listings TO ${role_jobs};
GRANT UPDATE (config) ON search.settings TO ${role_jobs};
GRANT EXECUTE ON FUNCTION search.matching(text, text), search.fold(text)
  TO ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly};
--rollback REVOKE EXECUTE ON FUNCTION search.matching(text, text), search.fold(text) FROM ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly};
--rollback REVOKE UPDATE (config) ON search.settings FROM ${role_jobs};
--rollback REVOKE ALL ON search.listings, search.settings FROM ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_backup};
--rollback REVOKE USAGE ON SCHEMA search FROM ${role_app}, ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_backup};
