-- 0097_saved_query_owner: who owns a saved query. Until now any analyst could
-- replace or delete any saved query by its name or id; now only its owner
-- (the account that first saved it) or an admin changes or deletes it, and
-- the others may read, run and copy it under a name of their own. Queries
-- saved before this migration have no known owner (saved_by names the last
-- account that saved one, not the first): NULL, so that only admins change
-- or delete them.
ALTER TABLE store.saved_queries ADD COLUMN owner VARCHAR;
