-- reviews_year_sums_plain: queries/reviews_year_sums.sql for a filter without a piece
-- of an agency's name (Query chooses it in Go: sumsPlainForm): the same
-- rows, read from summary_groups (store.summary_rollup) alone, without
-- the branch over current_summary that such a filter empties. DuckDB binds
-- and optimizes a statement with parameters again with their values at
-- every run (kept.go) before it folds that branch away: ~1.3 ms of the
-- query's ~6-8 ms of CPU at 1M reports. TestSumsPlainForms holds the two
-- to the same rows and types.
SELECT * FROM (
    SELECT year, sum(reports)::BIGINT AS reports,
           CASE WHEN sum(review_upheld_n) > 0 THEN sum(review_upheld)::DOUBLE END AS review_upheld,
           CASE WHEN sum(review_corrected_n) > 0 THEN sum(review_corrected)::DOUBLE END AS review_corrected,
           CASE WHEN sum(review_other_n) > 0 THEN sum(review_other)::DOUBLE END AS review_other,
           CASE WHEN sum(review_pending_n) > 0 THEN sum(review_pending)::DOUBLE END AS review_pending,
           CASE WHEN sum(review_total_n) > 0 THEN sum(review_total)::DOUBLE END AS review_total,
           CASE WHEN sum(litigation_direct_upheld_n) > 0 THEN sum(litigation_direct_upheld)::DOUBLE END AS litigation_direct_upheld,
           CASE WHEN sum(litigation_direct_corrected_n) > 0 THEN sum(litigation_direct_corrected)::DOUBLE END AS litigation_direct_corrected,
           CASE WHEN sum(litigation_direct_other_n) > 0 THEN sum(litigation_direct_other)::DOUBLE END AS litigation_direct_other,
           CASE WHEN sum(litigation_direct_pending_n) > 0 THEN sum(litigation_direct_pending)::DOUBLE END AS litigation_direct_pending,
           CASE WHEN sum(litigation_direct_total_n) > 0 THEN sum(litigation_direct_total)::DOUBLE END AS litigation_direct_total,
           CASE WHEN sum(litigation_after_review_upheld_n) > 0 THEN sum(litigation_after_review_upheld)::DOUBLE END AS litigation_after_review_upheld,
           CASE WHEN sum(litigation_after_review_corrected_n) > 0 THEN sum(litigation_after_review_corrected)::DOUBLE END AS litigation_after_review_corrected,
           CASE WHEN sum(litigation_after_review_other_n) > 0 THEN sum(litigation_after_review_other)::DOUBLE END AS litigation_after_review_other,
           CASE WHEN sum(litigation_after_review_pending_n) > 0 THEN sum(litigation_after_review_pending)::DOUBLE END AS litigation_after_review_pending,
           CASE WHEN sum(litigation_after_review_total_n) > 0 THEN sum(litigation_after_review_total)::DOUBLE END AS litigation_after_review_total
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
)
ORDER BY year

