-- 0086_agency_name_rank: store.agencies keeps each agency's place in the
-- order of the agencies by name (name_rank: 1, 2, … as ORDER BY name,
-- agency_id), so that region_agencies (sql/region_agencies_ranked.sql)
-- orders the selected agencies by an integer and reads the names of the
-- listed ones only (at most 3 x limit), not of every selected agency: at
-- 1M reports (two provinces) a province selects 77,868 or 92,200
-- agencies, 乡镇（街道） 165,500, the whole country 170,068, and their names
-- were materialized and sorted for a page of 200.
--
-- Exact, never a guess: names never change and agencies are never deleted,
-- so ranks given to all agencies at once (warehouse.RankAgencies, one
-- UPDATE in one transaction under the writer lock) keep the order of the
-- names until an agency is added. A load appends new agencies with a NULL
-- rank; while any agency has none, Query runs the form that sorts the
-- names (region_agencies_in_bits.sql), and the ranked form returns no rows
-- by itself when it finds one in its own snapshot. gongkai compact and
-- serve's background pass rank them again; a rank set by hand is found by
-- the first ranked query of an open (ranksAgree), which then keeps to the
-- names for as long as the file is open.
--
-- Cost on an existing warehouse: one column added and filled (~170,000
-- rows sorted by name at 1M reports, ~0.3 s of CPU).

ALTER TABLE store.agencies ADD COLUMN name_rank INTEGER;
UPDATE store.agencies a SET name_rank = o.name_rank
FROM (SELECT agency_id, (row_number() OVER (ORDER BY name, agency_id))::INTEGER AS name_rank FROM store.agencies) o
WHERE o.agency_id = a.agency_id;
