-- compare_totals_build: adds to store.compare_totals the rows of the
-- agencies whose ids lie in [$1, $2], from their current reports
-- (store.compare_totals_rows, 0058), with each agency's province, city,
-- county, level and name (0062, 0071) as store.agencies holds them and its
-- current summary rows as compare_regions sums them (years, 0071: one
-- STRUCT a report, in order of year and report): one piece of a rebuild,
-- beside agency_totals_build's.
-- In order of agency, so that the insert runs one append, not one per
-- thread: each holds its own segments of the table's ~500 leaf columns
-- until the commit (at 1M reports ~120 MB apiece for 25,000 agencies;
-- 73 MB as one for 10,000), which kept serve's rebuild within 512MB.
INSERT INTO store.compare_totals BY NAME
SELECT r.*, a.province, a.city, a.county, a.level, a.name, y.years
FROM store.compare_totals_rows($1, $2) r
LEFT JOIN store.agencies a ON a.agency_id = r.agency_id
LEFT JOIN (
    SELECT s.agency_id,
           list({'year': s.year, 'zero': s.table_stated > 0 AND s.table_largest = 0, 'apps_new': s.apps_new,
                 'apps_total': s.apps_total, 'apps_granted': s.apps_granted, 'apps_partial': s.apps_partial,
                 'apps_withheld': s.apps_withheld, 'review_total': s.review_total, 'review_corrected': s.review_corrected,
                 'litigation_total': CASE WHEN s.litigation_direct_total IS NULL AND s.litigation_after_review_total IS NULL THEN NULL
                                          ELSE coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END,
                 'litigation_corrected': CASE WHEN s.litigation_direct_corrected IS NULL AND s.litigation_after_review_corrected IS NULL THEN NULL
                                              ELSE coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END}
                ORDER BY s.year, s.report_id) AS years
    FROM store.report_summary s
    WHERE s.is_current AND s.agency_id BETWEEN $1 AND $2
    GROUP BY s.agency_id
) y ON y.agency_id = r.agency_id
ORDER BY r.agency_id;
