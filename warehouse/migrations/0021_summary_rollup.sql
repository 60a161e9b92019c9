-- 0021_summary_rollup: store.summary_rollup, the per-report summary
-- (store.report_summary, 0006) of the current reports summed per year and
-- region (province, city, county) and level of their agency: what the
-- dashboards' trend charts and the region comparison add up when no piece of
-- an agency's name narrows them (queries/overview_trend.sql,
-- applications_*.sql, reviews_*.sql, proactive_by_year.sql,
-- compare_regions.sql). Those summed a million summary rows joined to their
-- agencies on every request at national scale (10-70 ms each); this table
-- has one row per year and group (about 3,000 at 1M reports). A filter on
-- the agency's name cannot be summed ahead, so those queries still read the
-- summary rows then.
--
-- reports counts the group's current reports, agencies its agencies with a
-- current report that year (the writer keeps one current report per agency
-- and year, so the kept count adds and subtracts reports), zero_reports
-- the reports whose table figures are all 0 (stated > 0 and largest = 0,
-- as current_counts). Every figure column of the summary is summed as
-- DECIMAL(38, 6) (exact in any order, as store.region_rollup since 0018;
-- the figures are below 1e15, gongkai.MaxFigure) beside the count of reports that state it
-- (<column>_n): the sum is NULL while that count is 0, a gap and not a 0.
-- litigation_total_n and litigation_corrected_n count the reports stating
-- either litigation column (current_counts' litigation_total is NULL only
-- when both are).
--
-- The writer keeps it in step inside the transaction of every change of
-- what it sums, beside store.region_rollup (warehouse/rollup.go); Open
-- rebuilds both when store.reports or the agencies' regions were changed
-- outside the writer.
CREATE TABLE store.summary_rollup (
    year         INTEGER NOT NULL,
    province     VARCHAR,
    city         VARCHAR,
    county       VARCHAR,
    level        VARCHAR,
    reports      BIGINT  NOT NULL,
    agencies     BIGINT  NOT NULL,
    zero_reports BIGINT  NOT NULL,
    litigation_total_n     BIGINT NOT NULL,
    litigation_corrected_n BIGINT NOT NULL,
    apps_new                             DECIMAL(38, 6),
    apps_new_n                           BIGINT NOT NULL,
    apps_carried_in                      DECIMAL(38, 6),
    apps_carried_in_n                    BIGINT NOT NULL,
    apps_granted                         DECIMAL(38, 6),
    apps_granted_n                       BIGINT NOT NULL,
    apps_partial                         DECIMAL(38, 6),
    apps_partial_n                       BIGINT NOT NULL,
    apps_withheld                        DECIMAL(38, 6),
    apps_withheld_n                      BIGINT NOT NULL,
    apps_unavailable                     DECIMAL(38, 6),
    apps_unavailable_n                   BIGINT NOT NULL,
    apps_not_processed                   DECIMAL(38, 6),
    apps_not_processed_n                 BIGINT NOT NULL,
    apps_other                           DECIMAL(38, 6),
    apps_other_n                         BIGINT NOT NULL,
    apps_total                           DECIMAL(38, 6),
    apps_total_n                         BIGINT NOT NULL,
    apps_carried_out                     DECIMAL(38, 6),
    apps_carried_out_n                   BIGINT NOT NULL,
    licensing_decisions                  DECIMAL(38, 6),
    licensing_decisions_n                BIGINT NOT NULL,
    penalty_decisions                    DECIMAL(38, 6),
    penalty_decisions_n                  BIGINT NOT NULL,
    coercion_decisions                   DECIMAL(38, 6),
    coercion_decisions_n                 BIGINT NOT NULL,
    normative_docs_issued                DECIMAL(38, 6),
    normative_docs_issued_n              BIGINT NOT NULL,
    normative_docs_made                  DECIMAL(38, 6),
    normative_docs_made_n                BIGINT NOT NULL,
    normative_docs_in_force              DECIMAL(38, 6),
    normative_docs_in_force_n            BIGINT NOT NULL,
    proactive_items                      DECIMAL(38, 6),
    proactive_items_n                    BIGINT NOT NULL,
    review_upheld                        DECIMAL(38, 6),
    review_upheld_n                      BIGINT NOT NULL,
    review_corrected                     DECIMAL(38, 6),
    review_corrected_n                   BIGINT NOT NULL,
    review_other                         DECIMAL(38, 6),
    review_other_n                       BIGINT NOT NULL,
    review_pending                       DECIMAL(38, 6),
    review_pending_n                     BIGINT NOT NULL,
    review_total                         DECIMAL(38, 6),
    review_total_n                       BIGINT NOT NULL,
    litigation_direct_upheld             DECIMAL(38, 6),
    litigation_direct_upheld_n           BIGINT NOT NULL,
    litigation_direct_corrected          DECIMAL(38, 6),
    litigation_direct_corrected_n        BIGINT NOT NULL,
    litigation_direct_other              DECIMAL(38, 6),
    litigation_direct_other_n            BIGINT NOT NULL,
    litigation_direct_pending            DECIMAL(38, 6),
    litigation_direct_pending_n          BIGINT NOT NULL,
    litigation_direct_total              DECIMAL(38, 6),
    litigation_direct_total_n            BIGINT NOT NULL,
    litigation_after_review_upheld       DECIMAL(38, 6),
    litigation_after_review_upheld_n     BIGINT NOT NULL,
    litigation_after_review_corrected    DECIMAL(38, 6),
    litigation_after_review_corrected_n  BIGINT NOT NULL,
    litigation_after_review_other        DECIMAL(38, 6),
    litigation_after_review_other_n      BIGINT NOT NULL,
    litigation_after_review_pending      DECIMAL(38, 6),
    litigation_after_review_pending_n    BIGINT NOT NULL,
    litigation_after_review_total        DECIMAL(38, 6),
    litigation_after_review_total_n      BIGINT NOT NULL,
    apps_withheld_state_secret           DECIMAL(38, 6),
    apps_withheld_state_secret_n         BIGINT NOT NULL,
    apps_withheld_prohibited_by_law      DECIMAL(38, 6),
    apps_withheld_prohibited_by_law_n    BIGINT NOT NULL,
    apps_withheld_three_safeties         DECIMAL(38, 6),
    apps_withheld_three_safeties_n       BIGINT NOT NULL,
    apps_withheld_third_party            DECIMAL(38, 6),
    apps_withheld_third_party_n          BIGINT NOT NULL,
    apps_withheld_internal_affairs       DECIMAL(38, 6),
    apps_withheld_internal_affairs_n     BIGINT NOT NULL,
    apps_withheld_process_info           DECIMAL(38, 6),
    apps_withheld_process_info_n         BIGINT NOT NULL,
    apps_withheld_enforcement_file       DECIMAL(38, 6),
    apps_withheld_enforcement_file_n     BIGINT NOT NULL,
    apps_withheld_query_matter           DECIMAL(38, 6),
    apps_withheld_query_matter_n         BIGINT NOT NULL,
    apps_new_natural                     DECIMAL(38, 6),
    apps_new_natural_n                   BIGINT NOT NULL,
    apps_new_business                    DECIMAL(38, 6),
    apps_new_business_n                  BIGINT NOT NULL,
    apps_new_research                    DECIMAL(38, 6),
    apps_new_research_n                  BIGINT NOT NULL,
    apps_new_ngo                         DECIMAL(38, 6),
    apps_new_ngo_n                       BIGINT NOT NULL,
    apps_new_legal_services              DECIMAL(38, 6),
    apps_new_legal_services_n            BIGINT NOT NULL,
    apps_new_other                       DECIMAL(38, 6),
    apps_new_other_n                     BIGINT NOT NULL
);

-- What the current reports with lo <= report_id <= hi, and in the list ids
-- unless it is NULL, add to store.summary_rollup, under their agency's
-- region as it stands: the table's definition (a rebuild reads it for every
-- report; the range bounds the scan, as store.rollup_rows).
CREATE MACRO store.summary_rollup_rows(lo, hi, ids) AS TABLE
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
       sum(s.apps_new_other::DECIMAL(38, 6)) AS apps_new_other, count(s.apps_new_other) AS apps_new_other_n
FROM store.report_summary s
JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.report_id BETWEEN lo AND hi AND (ids IS NULL OR list_contains(ids, s.report_id)) AND s.is_current
GROUP BY s.year, a.province, a.city, a.county, a.level;

-- The agencies' regions with their county, which store.summary_rollup
-- groups by (0018's fingerprint left the county out: store.region_rollup
-- does not group by it).
CREATE OR REPLACE MACRO store.rollup_regions() AS (
    SELECT bit_xor(hash(agency_id, province, city, county, level)) FROM store.agencies
);

-- The fingerprint is taken again with the county only when it names the
-- regions the roll-up was summed under: NULL (0018 and 0019 leave it so
-- when the roll-up is still to be built) must stay NULL, so that Open
-- rebuilds both roll-ups.
INSERT INTO store.summary_rollup SELECT * FROM store.summary_rollup_rows(0, 9223372036854775807, NULL);
UPDATE store.rollup_state SET regions = store.rollup_regions() WHERE regions IS NOT NULL;

-- The groups of store.summary_rollup the dashboard's filters select, when
-- no piece of an agency's name is given (agency IS NULL); no rows when one
-- is, since the groups cannot say which agencies' names contain it: the
-- queries then read current_summary instead (one branch each, the other
-- empty). Column references are qualified, as in 0003.
CREATE MACRO summary_groups(year_from, year_to, province, city, level, agency) AS TABLE
SELECT g.*
FROM store.summary_rollup g
WHERE agency IS NULL
  AND (year_from IS NULL OR g.year >= year_from)
  AND (year_to IS NULL OR g.year <= year_to)
  AND (province IS NULL OR g.province = province)
  AND (city IS NULL OR g.city = city)
  AND (level IS NULL OR g.level = level);
