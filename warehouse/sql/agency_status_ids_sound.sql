-- agency_status_ids_sound: whether store.agencies and store.agency_status
-- each hold an agency id once, every status row names an agency of
-- store.agencies, and so does every report of store.reports, current,
-- retired or pending. The writer keeps all four (an agency is written with
-- its first report and never deleted or renumbered; a status row is
-- written from the agency's current reports, after the rows it replaces
-- are deleted, in the same transaction), so that only a hand edit of the
-- file breaks one, and a warehouse that holds them keeps them for as long
-- as it is open: see warehouse.DB.statusIDsSound. Then the two tables hold
-- the same agencies exactly when they hold as many, which
-- region_agencies_ranked.sql counts instead of comparing fingerprints of
-- the ids.
SELECT NOT EXISTS (SELECT 1 FROM store.agency_status s ANTI JOIN store.agencies a ON a.agency_id = s.agency_id)
   AND NOT EXISTS (SELECT 1 FROM store.reports r ANTI JOIN store.agencies a ON a.agency_id = r.agency_id)
   AND (SELECT count(*) = count(DISTINCT agency_id) FROM store.agencies)
   AND (SELECT count(*) = count(DISTINCT agency_id) FROM store.agency_status) AS sound;
