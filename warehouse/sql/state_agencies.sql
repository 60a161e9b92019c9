-- state_agencies: what the writer keeps in memory about each agency. name_key
-- is the name's plain key (plainKey: NFKC, no white space); the writer folds
-- its traditional characters when it reads it (nameKey).
SELECT agency_id, name_key, coalesce(region_source, '') FROM store.agencies;
