-- Storefront search is "title contains the words" (ILIKE '%…%'), which no b-tree can serve:
-- without this, every search read every product row of the table (all shops', RLS filtering
-- them afterwards). A trigram GIN index answers ILIKE with an infix pattern.
--
-- pg_trgm ships with PostgreSQL (contrib; the embedded server has it) and is a trusted
-- extension: the migrations' owner needs CREATE on the database, which the database's owner
-- has. Installed once per database; IF NOT EXISTS for databases where an administrator
-- installed it already.
--
-- Limits: a pattern needs at least one whole trigram to narrow the scan (three characters;
-- two-kanji words such as 急須 give none), shorter queries still read the whole table as before.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE INDEX product_title_trigrams ON catalog.product USING gin (title public.gin_trgm_ops);
