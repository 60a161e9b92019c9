-- 0040_rollup_findings: store.summary_rollup also sums the current reports'
-- errors and warnings (store.report_summary.errors and warnings, the
-- report's findings of each severity) per year, region with county and
-- level. quality_findings counts the findings the filters select per year
-- and severity, to page through them, from these sums when no piece of a
-- name or report is given: before, it summed store.reports.errors and
-- warnings over the million current reports on every request, joined to
-- the agencies with a region or level (7-23 ms of CPU at 1M reports).
--
-- The writer keeps the two columns as the others (warehouse/rollup.go):
-- the reports a change retires or makes current and the moving agencies'
-- reports subtracted before it and added after, the new reports summed as
-- they are appended (fresh.go); and, the one path that changes what a
-- current report adds without changing the report's version, a later
-- year's report re-checked against a year loaded after it (its findings of
-- the rules across years replaced and recounted): its counts are
-- subtracted before the change and added after it
-- (summary_rollup_counts_add). Open rebuilds the table from the macro
-- below with store.region_rollup when the summary or the regions were
-- changed outside the writer, as since 0021.
--
-- The sums are filled here from the summary rows (one pass over the
-- current reports' ids, counts and agencies: ~1 s at 1M reports). A
-- roll-up still to be built (0018 and 0019 leave it empty with no
-- fingerprint) is filled by Open with the new columns.
--
-- NOT NULL as the other counts, set before the sums are written (DuckDB
-- refuses it after an UPDATE in the same transaction).
ALTER TABLE store.summary_rollup ADD COLUMN errors BIGINT DEFAULT 0;
ALTER TABLE store.summary_rollup ADD COLUMN warnings BIGINT DEFAULT 0;
ALTER TABLE store.summary_rollup ALTER COLUMN errors SET NOT NULL;
ALTER TABLE store.summary_rollup ALTER COLUMN warnings SET NOT NULL;

-- 0021's definition with the two sums, last as in the table.
CREATE OR REPLACE MACRO store.summary_rollup_rows(lo, hi, ids) AS TABLE
SELECT s.year, a.province, a.city, a.county, a.level,
       count(*) AS reports, count(DISTINCT s.agency_id) AS agencies,
       count(*) FILTER (WHERE s.table_stated > 0 AND s.table_largest = 0) AS zero_reports,
       count(*) FILTER (WHERE s.litigation_direct_total IS NOT NULL OR s.litigation_after_review_total IS NOT NULL) AS litigation_total_n,
       count(*) FILTER (WHERE s.litigation_direct_corrected IS NOT NULL OR s.litigation_after_review_corrected IS NOT NULL) AS litigation_corrected_n,
       sum(s.apps_new::DECIMAL(38, 6)) AS apps_new, count(s.apps_new) AS apps_new_n,
       sum(s.apps_carried_in::DECIMAL(38, 6)) AS apps_carried_in, count(s.apps_carried_in) AS apps_carried_in_n,
       sum(s.apps_granted::DECIMAL(38, 6)) AS apps_granted, count(s.apps_granted) AS apps_granted_n,
       sum(s.apps_partial::DECIMAL(38, 6)) AS apps_partial, count(s.apps_partial) AS apps_partial_n,
       sum(s.apps_withheld::DECIMAL(38, 6)) AS apps_withheld, count(s.apps_withheld) AS apps_withheld_n,
       sum(s.apps_unavailable::DECIMAL(38, 6)) AS apps_unavailable, count(s.apps_unavailable) AS apps_unavailable_n,
       sum(s.apps_not_processed::DECIMAL(38, 6)) AS apps_not_processed, count(s.apps_not_processed) AS apps_not_processed_n,
       sum(s.apps_other::DECIMAL(38, 6)) AS apps_other, count(s.apps_other) AS apps_other_n,
       sum(s.apps_total::DECIMAL(38, 6)) AS apps_total, count(s.apps_total) AS apps_total_n,
       sum(s.apps_carried_out::DECIMAL(38, 6)) AS apps_carried_out, count(s.apps_carried_out) AS apps_carried_out_n,
       sum(s.licensing_decisions::DECIMAL(38, 6)) AS licensing_decisions, count(s.licensing_decisions) AS licensing_decisions_n,
       sum(s.penalty_decisions::DECIMAL(38, 6)) AS penalty_decisions, count(s.penalty_decisions) AS penalty_decisions_n,
       sum(s.coercion_decisions::DECIMAL(38, 6)) AS coercion_decisions, count(s.coercion_decisions) AS coercion_decisions_n,
       sum(s.normative_docs_issued::DECIMAL(38, 6)) AS normative_docs_issued, count(s.normative_docs_issued) AS normative_docs_issued_n,
       sum(s.normative_docs_made::DECIMAL(38, 6)) AS normative_docs_made, count(s.normative_docs_made) AS normative_docs_made_n,
       sum(s.normative_docs_in_force::DECIMAL(38, 6)) AS normative_docs_in_force, count(s.normative_docs_in_force) AS normative_docs_in_force_n,
       sum(s.proactive_items::DECIMAL(38, 6)) AS proactive_items, count(s.proactive_items) AS proactive_items_n,
       sum(s.review_upheld::DECIMAL(38, 6)) AS review_upheld, count(s.review_upheld) AS review_upheld_n,
       sum(s.review_corrected::DECIMAL(38, 6)) AS review_corrected, count(s.review_corrected) AS review_corrected_n,
       sum(s.review_other::DECIMAL(38, 6)) AS review_other, count(s.review_other) AS review_other_n,
       sum(s.review_pending::DECIMAL(38, 6)) AS review_pending, count(s.review_pending) AS review_pending_n,
       sum(s.review_total::DECIMAL(38, 6)) AS review_total, count(s.review_total) AS review_total_n,
       sum(s.litigation_direct_upheld::DECIMAL(38, 6)) AS litigation_direct_upheld, count(s.litigation_direct_upheld) AS litigation_direct_upheld_n,
       sum(s.litigation_direct_corrected::DECIMAL(38, 6)) AS litigation_direct_corrected, count(s.litigation_direct_corrected) AS litigation_direct_corrected_n,
       sum(s.litigation_direct_other::DECIMAL(38, 6)) AS litigation_direct_other, count(s.litigation_direct_other) AS litigation_direct_other_n,
       sum(s.litigation_direct_pending::DECIMAL(38, 6)) AS litigation_direct_pending, count(s.litigation_direct_pending) AS litigation_direct_pending_n,
       sum(s.litigation_direct_total::DECIMAL(38, 6)) AS litigation_direct_total, count(s.litigation_direct_total) AS litigation_direct_total_n,
       sum(s.litigation_after_review_upheld::DECIMAL(38, 6)) AS litigation_after_review_upheld, count(s.litigation_after_review_upheld) AS litigation_after_review_upheld_n,
       sum(s.litigation_after_review_corrected::DECIMAL(38, 6)) AS litigation_after_review_corrected, count(s.litigation_after_review_corrected) AS litigation_after_review_corrected_n,
       sum(s.litigation_after_review_other::DECIMAL(38, 6)) AS litigation_after_review_other, count(s.litigation_after_review_other) AS litigation_after_review_other_n,
       sum(s.litigation_after_review_pending::DECIMAL(38, 6)) AS litigation_after_review_pending, count(s.litigation_after_review_pending) AS litigation_after_review_pending_n,
       sum(s.litigation_after_review_total::DECIMAL(38, 6)) AS litigation_after_review_total, count(s.litigation_after_review_total) AS litigation_after_review_total_n,
       sum(s.apps_withheld_state_secret::DECIMAL(38, 6)) AS apps_withheld_state_secret, count(s.apps_withheld_state_secret) AS apps_withheld_state_secret_n,
       sum(s.apps_withheld_prohibited_by_law::DECIMAL(38, 6)) AS apps_withheld_prohibited_by_law, count(s.apps_withheld_prohibited_by_law) AS apps_withheld_prohibited_by_law_n,
       sum(s.apps_withheld_three_safeties::DECIMAL(38, 6)) AS apps_withheld_three_safeties, count(s.apps_withheld_three_safeties) AS apps_withheld_three_safeties_n,
       sum(s.apps_withheld_third_party::DECIMAL(38, 6)) AS apps_withheld_third_party, count(s.apps_withheld_third_party) AS apps_withheld_third_party_n,
       sum(s.apps_withheld_internal_affairs::DECIMAL(38, 6)) AS apps_withheld_internal_affairs, count(s.apps_withheld_internal_affairs) AS apps_withheld_internal_affairs_n,
       sum(s.apps_withheld_process_info::DECIMAL(38, 6)) AS apps_withheld_process_info, count(s.apps_withheld_process_info) AS apps_withheld_process_info_n,
       sum(s.apps_withheld_enforcement_file::DECIMAL(38, 6)) AS apps_withheld_enforcement_file, count(s.apps_withheld_enforcement_file) AS apps_withheld_enforcement_file_n,
       sum(s.apps_withheld_query_matter::DECIMAL(38, 6)) AS apps_withheld_query_matter, count(s.apps_withheld_query_matter) AS apps_withheld_query_matter_n,
       sum(s.apps_new_natural::DECIMAL(38, 6)) AS apps_new_natural, count(s.apps_new_natural) AS apps_new_natural_n,
       sum(s.apps_new_business::DECIMAL(38, 6)) AS apps_new_business, count(s.apps_new_business) AS apps_new_business_n,
       sum(s.apps_new_research::DECIMAL(38, 6)) AS apps_new_research, count(s.apps_new_research) AS apps_new_research_n,
       sum(s.apps_new_ngo::DECIMAL(38, 6)) AS apps_new_ngo, count(s.apps_new_ngo) AS apps_new_ngo_n,
       sum(s.apps_new_legal_services::DECIMAL(38, 6)) AS apps_new_legal_services, count(s.apps_new_legal_services) AS apps_new_legal_services_n,
       sum(s.apps_new_other::DECIMAL(38, 6)) AS apps_new_other, count(s.apps_new_other) AS apps_new_other_n,
       sum(s.errors)::BIGINT AS errors, sum(s.warnings)::BIGINT AS warnings
FROM store.report_summary s
JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.report_id BETWEEN lo AND hi AND (ids IS NULL OR list_contains(ids, s.report_id)) AND s.is_current
GROUP BY s.year, a.province, a.city, a.county, a.level;

UPDATE store.summary_rollup g SET errors = c.errors, warnings = c.warnings
FROM (
    SELECT s.year, a.province, a.city, a.county, a.level,
           sum(s.errors)::BIGINT AS errors, sum(s.warnings)::BIGINT AS warnings
    FROM store.report_summary s
    JOIN store.agencies a ON a.agency_id = s.agency_id
    WHERE s.is_current
    GROUP BY ALL
) c
WHERE c.year = g.year AND c.province IS NOT DISTINCT FROM g.province AND c.city IS NOT DISTINCT FROM g.city
  AND c.county IS NOT DISTINCT FROM g.county AND c.level IS NOT DISTINCT FROM g.level;
