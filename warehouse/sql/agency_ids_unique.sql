-- agency_ids_unique: whether store.agencies holds each agency id once. The
-- writer keeps it (an agency is written with its first report under a new
-- id, never deleted or renumbered), so that only a hand edit of the file
-- breaks it, and a warehouse that holds it keeps it for as long as it is
-- open: see warehouse.DB.agencyIDsUnique. region_agencies_ranked.sql joins
-- the listed agencies back to their names by id. One pass over the
-- 170,000 ids at 1M reports (a few ms), once an open.
SELECT count(*) = count(DISTINCT agency_id) AS unique_ids FROM store.agencies;
