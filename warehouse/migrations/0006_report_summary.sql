-- 0006_report_summary: store.report_summary, one row per report version with
-- the figures the dashboard's pages read (applicant 总计 unless the name says
-- otherwise; NULL when the report lacks the figure), written by the loader in
-- the same transaction as the report. Pages and the analysts' report_summary
-- view read it instead of pivoting store.figures (about 200 rows a report) on
-- every query: on a national warehouse that pivot took seconds, this table is
-- a million narrow rows. is_current, errors and warnings copy store.reports
-- and change with it (warehouse/sql/summary_*.sql); Open checks the copy and
-- rebuilds it when another path left it behind.
--
-- Cross-format and summed columns keep report_summary's rules: apps_withheld,
-- apps_unavailable and apps_not_processed sum their numbered sub-rows (NULL
-- when the report states none); licensing_stated / apps_stated say the report
-- has a licensing.decisions / some apps.% cell, blank or not; table_stated
-- counts the non-blank figures of the tables (not narrative.*), table_largest
-- is the largest of them in absolute value.

CREATE TABLE store.report_summary (
    report_id  BIGINT  NOT NULL,
    agency_id  BIGINT  NOT NULL,
    year       INTEGER NOT NULL,
    format     VARCHAR NOT NULL,
    is_current BOOLEAN NOT NULL,
    errors     INTEGER NOT NULL,
    warnings   INTEGER NOT NULL,
    apps_new                                 DOUBLE,
    apps_carried_in                          DOUBLE,
    apps_granted                             DOUBLE,
    apps_partial                             DOUBLE,
    apps_withheld                            DOUBLE,
    apps_unavailable                         DOUBLE,
    apps_not_processed                       DOUBLE,
    apps_other                               DOUBLE,
    apps_total                               DOUBLE,
    apps_carried_out                         DOUBLE,
    licensing_decisions                      DOUBLE,
    penalty_decisions                        DOUBLE,
    coercion_decisions                       DOUBLE,
    normative_docs_issued                    DOUBLE,
    normative_docs_made                      DOUBLE,
    normative_docs_in_force                  DOUBLE,
    proactive_items                          DOUBLE,
    review_upheld                            DOUBLE,
    review_corrected                         DOUBLE,
    review_other                             DOUBLE,
    review_pending                           DOUBLE,
    review_total                             DOUBLE,
    litigation_direct_upheld                 DOUBLE,
    litigation_direct_corrected              DOUBLE,
    litigation_direct_other                  DOUBLE,
    litigation_direct_pending                DOUBLE,
    litigation_direct_total                  DOUBLE,
    litigation_after_review_upheld           DOUBLE,
    litigation_after_review_corrected        DOUBLE,
    litigation_after_review_other            DOUBLE,
    litigation_after_review_pending          DOUBLE,
    litigation_after_review_total            DOUBLE,
    apps_withheld_state_secret               DOUBLE,
    apps_withheld_prohibited_by_law          DOUBLE,
    apps_withheld_three_safeties             DOUBLE,
    apps_withheld_third_party                DOUBLE,
    apps_withheld_internal_affairs           DOUBLE,
    apps_withheld_process_info               DOUBLE,
    apps_withheld_enforcement_file           DOUBLE,
    apps_withheld_query_matter               DOUBLE,
    apps_new_natural                         DOUBLE,
    apps_new_business                        DOUBLE,
    apps_new_research                        DOUBLE,
    apps_new_ngo                             DOUBLE,
    apps_new_legal_services                  DOUBLE,
    apps_new_other                           DOUBLE,
    licensing_stated                         BOOLEAN,
    apps_stated                              BOOLEAN,
    table_stated                             BIGINT,
    table_largest                            DOUBLE
);

-- The summary rows of the reports with lo <= report_id <= hi, computed from
-- store.figures: the loader inserts them for each group it writes, and Open
-- rebuilds the table from them when it finds it out of step.
CREATE MACRO store.summary_rows(lo, hi) AS TABLE
WITH t AS (
    SELECT f.report_id, m.text AS measure, ap.text AS applicant, f.value
    FROM store.figures f
    JOIN store.texts m ON m.text_id = f.measure_id
    JOIN store.texts ap ON ap.text_id = f.applicant_id
    WHERE f.report_id BETWEEN lo AND hi
), agg AS (
    SELECT t.report_id,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.new') AS apps_new,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.carried_in') AS apps_carried_in,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.granted') AS apps_granted,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.partial') AS apps_partial,
           sum(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure LIKE 'apps.withheld.%') AS apps_withheld,
           sum(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure LIKE 'apps.unavailable.%') AS apps_unavailable,
           sum(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure LIKE 'apps.not_processed.%') AS apps_not_processed,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.other') AS apps_other,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.total') AS apps_total,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.carried_out') AS apps_carried_out,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'licensing.decisions') AS licensing_decisions,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'penalty.decisions') AS penalty_decisions,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'coercion.decisions') AS coercion_decisions,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'normative_docs.issued') AS normative_docs_issued,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'normative_docs.made') AS normative_docs_made,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'normative_docs.in_force') AS normative_docs_in_force,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'narrative.proactive_items') AS proactive_items,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'review.upheld') AS review_upheld,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'review.corrected') AS review_corrected,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'review.other') AS review_other,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'review.pending') AS review_pending,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'review.total') AS review_total,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_direct.upheld') AS litigation_direct_upheld,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_direct.corrected') AS litigation_direct_corrected,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_direct.other') AS litigation_direct_other,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_direct.pending') AS litigation_direct_pending,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_direct.total') AS litigation_direct_total,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_after_review.upheld') AS litigation_after_review_upheld,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_after_review.corrected') AS litigation_after_review_corrected,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_after_review.other') AS litigation_after_review_other,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_after_review.pending') AS litigation_after_review_pending,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'litigation_after_review.total') AS litigation_after_review_total,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.withheld.state_secret') AS apps_withheld_state_secret,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.withheld.prohibited_by_law') AS apps_withheld_prohibited_by_law,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.withheld.three_safeties') AS apps_withheld_three_safeties,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.withheld.third_party') AS apps_withheld_third_party,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.withheld.internal_affairs') AS apps_withheld_internal_affairs,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.withheld.process_info') AS apps_withheld_process_info,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.withheld.enforcement_file') AS apps_withheld_enforcement_file,
           max(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure = 'apps.withheld.query_matter') AS apps_withheld_query_matter,
           max(t.value) FILTER (WHERE t.applicant = 'natural' AND t.measure = 'apps.new') AS apps_new_natural,
           max(t.value) FILTER (WHERE t.applicant = 'business' AND t.measure = 'apps.new') AS apps_new_business,
           max(t.value) FILTER (WHERE t.applicant = 'research' AND t.measure = 'apps.new') AS apps_new_research,
           max(t.value) FILTER (WHERE t.applicant = 'ngo' AND t.measure = 'apps.new') AS apps_new_ngo,
           max(t.value) FILTER (WHERE t.applicant = 'legal_services' AND t.measure = 'apps.new') AS apps_new_legal_services,
           max(t.value) FILTER (WHERE t.applicant = 'other' AND t.measure = 'apps.new') AS apps_new_other,
           count(*) FILTER (WHERE t.applicant = 'total' AND t.measure = 'licensing.decisions') > 0 AS licensing_stated,
           count(*) FILTER (WHERE t.applicant = 'total' AND t.measure LIKE 'apps.%') > 0 AS apps_stated,
           count(t.value) FILTER (WHERE t.applicant = 'total' AND t.measure NOT LIKE 'narrative.%') AS table_stated,
           max(abs(t.value)) FILTER (WHERE t.applicant = 'total' AND t.measure NOT LIKE 'narrative.%') AS table_largest
    FROM t
    GROUP BY t.report_id
)
SELECT r.report_id, r.agency_id, r.year, r.format, r.is_current, r.errors, r.warnings,
       agg.apps_new,
       agg.apps_carried_in,
       agg.apps_granted,
       agg.apps_partial,
       agg.apps_withheld,
       agg.apps_unavailable,
       agg.apps_not_processed,
       agg.apps_other,
       agg.apps_total,
       agg.apps_carried_out,
       agg.licensing_decisions,
       agg.penalty_decisions,
       agg.coercion_decisions,
       agg.normative_docs_issued,
       agg.normative_docs_made,
       agg.normative_docs_in_force,
       agg.proactive_items,
       agg.review_upheld,
       agg.review_corrected,
       agg.review_other,
       agg.review_pending,
       agg.review_total,
       agg.litigation_direct_upheld,
       agg.litigation_direct_corrected,
       agg.litigation_direct_other,
       agg.litigation_direct_pending,
       agg.litigation_direct_total,
       agg.litigation_after_review_upheld,
       agg.litigation_after_review_corrected,
       agg.litigation_after_review_other,
       agg.litigation_after_review_pending,
       agg.litigation_after_review_total,
       agg.apps_withheld_state_secret,
       agg.apps_withheld_prohibited_by_law,
       agg.apps_withheld_three_safeties,
       agg.apps_withheld_third_party,
       agg.apps_withheld_internal_affairs,
       agg.apps_withheld_process_info,
       agg.apps_withheld_enforcement_file,
       agg.apps_withheld_query_matter,
       agg.apps_new_natural,
       agg.apps_new_business,
       agg.apps_new_research,
       agg.apps_new_ngo,
       agg.apps_new_legal_services,
       agg.apps_new_other,
       coalesce(agg.licensing_stated, false) AS licensing_stated,
       coalesce(agg.apps_stated, false) AS apps_stated,
       coalesce(agg.table_stated, 0) AS table_stated,
       agg.table_largest
FROM store.reports r
LEFT JOIN agg ON agg.report_id = r.report_id
WHERE r.report_id BETWEEN lo AND hi;

INSERT INTO store.report_summary SELECT * FROM store.summary_rows(0, 9223372036854775807);

-- The analysts' view, same columns as before (0002), now read from the table.
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
WHERE s.is_current;

-- The summary rows of the current reports the dashboard's filters select,
-- with their agency's name and region (as current_reports). Every column of
-- store.report_summary but is_current.
CREATE MACRO current_summary(year_from, year_to, province, city, level, agency) AS TABLE
SELECT s.* EXCLUDE (is_current), a.name AS agency, a.province, a.city, a.county, a.level
FROM store.report_summary s
JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND (province IS NULL OR a.province = province)
  AND (city IS NULL OR a.city = city)
  AND (level IS NULL OR a.level = level)
  AND (agency IS NULL OR contains(a.name, agency));
