-- compare_top_read: compare_agencies' kept answer (store.compare_top,
-- 0072) for the range [$1, $2] (either NULL: open), limit $3 and the
-- province $4 alone (NULL: the whole country, 0084), in the query's order;
-- kept is false (one row, the rest NULL) when that answer is not kept or
-- store.agency_totals_changed lists an agency (the kept answer may then be
-- out of date: the query runs), and true with a NULL agency_id alone when
-- the kept answer has no row. The query's order (rank_volume, rank_rate,
-- rank_zero, NULLs last) is total: each ranking numbers its own agencies
-- once, and every row has a place in one of them.
SELECT g.kept, t.agency_id, t.agency, t.city, t.level, t.reports, t.zero_reports, t.apps_total,
       t.disclosure_rate, t.refused_share, t.review_total, t.review_correction_rate,
       t.litigation_total, t.litigation_correction_rate, t.rank_volume, t.rank_rate, t.rank_zero
FROM (SELECT EXISTS (SELECT 1 FROM store.compare_top_keys k
                     WHERE k.year_from IS NOT DISTINCT FROM $1 AND k.year_to IS NOT DISTINCT FROM $2 AND k.lim = $3
                       AND k.province IS NOT DISTINCT FROM $4)
             AND NOT EXISTS (SELECT 1 FROM store.agency_totals_changed) AS kept) g
LEFT JOIN store.compare_top t
       ON g.kept AND t.year_from IS NOT DISTINCT FROM $1 AND t.year_to IS NOT DISTINCT FROM $2 AND t.lim = $3
      AND t.province IS NOT DISTINCT FROM $4
ORDER BY t.rank_volume NULLS LAST, t.rank_rate NULLS LAST, t.rank_zero NULLS LAST;
