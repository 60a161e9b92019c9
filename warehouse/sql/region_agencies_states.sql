-- region_agencies_states: the state each status pattern gives an agency in
-- the years $1 to $2 (year_from, year_to; NULL for either unbounded), as
-- sql/region_agencies_ranked.sql's pst gives it (1 missing, 2 reported, 3
-- later), for region_agencies' form in Go (warehouse/region_agencies_go.go),
-- which keeps the answer until the next write. The same expression as pst's:
-- a change there is a change here; TestRegionAgenciesRanked holds the forms
-- to the named query.
SELECT p.pattern,
       CASE WHEN (p.reported & store.year_bits($1, $2)) <> 0 THEN 2
            WHEN p.first_year < $1 THEN 1
            ELSE 3 END AS st
FROM store.pattern_bits() p
