-- compare_top_within_members: the agencies of the country's deeper kept
-- answer of compare_agencies for every year (store.compare_top, 0072) with
-- the limit $1 (warehouse.compareDeepLimit): name, province (the agency's,
-- store.agencies'), city, level and which rankings they are placed in, from which withinLikely estimates whether
-- that answer holds a selection's first places (compare_top_within.sql
-- decides, for the selection's own years). An estimate only steers whether
-- the kept answer is read before the query.
SELECT t.agency, a.province, t.city, t.level, t.rank_volume IS NOT NULL AS v, t.rank_rate IS NOT NULL AS r, t.rank_zero IS NOT NULL AS z
FROM store.compare_top t
LEFT JOIN store.agencies a ON a.agency_id = t.agency_id
WHERE t.year_from IS NULL AND t.year_to IS NULL AND t.lim = $1 AND t.province IS NULL AND t.agency_id IS NOT NULL;
