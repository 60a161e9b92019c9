-- 0126_report_summary_join_side: the analysts' view report_summary (0006)
-- gives the same rows, with its filter on the current versions written so
-- that DuckDB keeps it above the join to the agencies instead of pushing it
-- into the scan of store.report_summary.
--
-- Pushed into the scan, `s.is_current` is a filter DuckDB cannot estimate
-- (it guesses a fifth of the rows pass), so it takes the million summary
-- rows for the smaller side of the join and builds its hash table on them,
-- probing it with the ~170,000 agencies: at 1M reports `select province,
-- year, sum(apps_new) from report_summary group by all` spent ~1.0 s of its
-- ~1.4 s in that join (one thread, profiled). Above the join the scan is
-- estimated at every row and the table is built on the agencies: two
-- threads, interleaved, 160-296 -> 81-92 ms; one province 40-46 -> 22-39
-- ms; agency_years (/agencies/:id, the one dashboard query of the view)
-- unchanged (20.8-25.1 -> 20.4-23.5 ms of CPU a page).
--
-- The rows are the same: the join is an inner join on agency_id, so no row
-- of it has a NULL a.agency_id, and `s.is_current OR a.agency_id IS NULL`
-- keeps exactly the rows `s.is_current` keeps (TestReportSummaryViewRows).
-- Views store no data: the migration costs nothing on an existing file.
CREATE OR REPLACE VIEW report_summary AS
SELECT s.report_id, s.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       s.year, s.format, s.errors, s.warnings,
       s.apps_new, s.apps_carried_in, s.apps_granted, s.apps_partial, s.apps_withheld, s.apps_unavailable,
       s.apps_not_processed, s.apps_other, s.apps_total, s.apps_carried_out,
       s.licensing_decisions, s.penalty_decisions, s.coercion_decisions,
       coalesce(s.normative_docs_issued, s.normative_docs_made) AS normative_docs_issued,
       s.normative_docs_in_force, s.proactive_items, s.review_total, s.review_corrected,
       CASE WHEN s.litigation_direct_total IS NULL AND s.litigation_after_review_total IS NULL THEN NULL
            ELSE coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END AS litigation_total,
       CASE WHEN s.litigation_direct_corrected IS NULL AND s.litigation_after_review_corrected IS NULL THEN NULL
            ELSE coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END AS litigation_corrected
FROM store.report_summary s
JOIN store.agencies a USING (agency_id)
WHERE s.is_current OR a.agency_id IS NULL;
