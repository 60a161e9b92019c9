-- compare_top_provinces: the provinces of the kept totals
-- (store.compare_totals), in order, whose compare_agencies answers are
-- kept beside the whole country's (store.compare_top, 0084). A province
-- only the listed agencies hold has no kept answer, and the query runs.
SELECT DISTINCT t.province FROM store.compare_totals t WHERE t.province IS NOT NULL ORDER BY t.province;
