-- compare_top_years: the years with a current report (the groups of
-- store.summary_rollup that count one), oldest first, which bound the
-- ranges whose compare_agencies answers are kept (store.compare_top,
-- 0072), and how many ranges are kept now.
SELECT y.year, (SELECT count(*) FROM store.compare_top_keys) AS kept
FROM (SELECT DISTINCT g.year::INTEGER AS year FROM store.summary_rollup g WHERE g.reports > 0) y
ORDER BY y.year;
