-- rollup_merge: folds rollup_delta into store.region_rollup: the rows of every group
-- (year, province, city, level) it touches are summed into one row per cell, and a
-- cell no figure row is left in is dropped. A sum over no stated figure is NULL; the
-- sums are DECIMAL (0018), exact in any order. The fingerprint of the regions is
-- taken again, since the change may have added agencies or moved one. The same for
-- store.summary_rollup (0021) and summary_rollup_delta, by year, region with county and
-- level; a group with no current report left is dropped.
CREATE OR REPLACE TEMP TABLE rollup_groups AS
SELECT DISTINCT year, province, city, level FROM rollup_delta;
CREATE OR REPLACE TEMP TABLE rollup_merged AS
SELECT u.year, u.province, u.city, u.level, u.measure_id, u.applicant_id,
       sum(u.figures)::BIGINT AS figures, sum(u.stated)::BIGINT AS stated,
       CASE WHEN sum(u.stated) > 0 THEN sum(u.value) END AS value
FROM (
    SELECT g.* FROM store.region_rollup g
    WHERE EXISTS (SELECT 1 FROM rollup_groups d
                  WHERE d.year = g.year AND d.province IS NOT DISTINCT FROM g.province
                    AND d.city IS NOT DISTINCT FROM g.city AND d.level IS NOT DISTINCT FROM g.level)
    UNION ALL
    SELECT * FROM rollup_delta
) u
GROUP BY u.year, u.province, u.city, u.level, u.measure_id, u.applicant_id
HAVING sum(u.figures) <> 0;
DELETE FROM store.region_rollup g
WHERE EXISTS (SELECT 1 FROM rollup_groups d
              WHERE d.year = g.year AND d.province IS NOT DISTINCT FROM g.province
                AND d.city IS NOT DISTINCT FROM g.city AND d.level IS NOT DISTINCT FROM g.level);
INSERT INTO store.region_rollup SELECT * FROM rollup_merged;
UPDATE store.rollup_state SET regions = store.rollup_regions();
DROP TABLE rollup_delta;
DROP TABLE rollup_groups;
DROP TABLE rollup_merged;
CREATE OR REPLACE TEMP TABLE summary_rollup_groups AS
SELECT DISTINCT year, province, city, county, level FROM summary_rollup_delta;
CREATE OR REPLACE TEMP TABLE summary_rollup_merged AS
SELECT u.year, u.province, u.city, u.county, u.level,
       sum(u.reports)::BIGINT AS reports, sum(u.agencies)::BIGINT AS agencies, sum(u.zero_reports)::BIGINT AS zero_reports,
       sum(u.litigation_total_n)::BIGINT AS litigation_total_n, sum(u.litigation_corrected_n)::BIGINT AS litigation_corrected_n,
       CASE WHEN sum(u.apps_new_n) > 0 THEN sum(u.apps_new) END AS apps_new, sum(u.apps_new_n)::BIGINT AS apps_new_n,
       CASE WHEN sum(u.apps_carried_in_n) > 0 THEN sum(u.apps_carried_in) END AS apps_carried_in, sum(u.apps_carried_in_n)::BIGINT AS apps_carried_in_n,
       CASE WHEN sum(u.apps_granted_n) > 0 THEN sum(u.apps_granted) END AS apps_granted, sum(u.apps_granted_n)::BIGINT AS apps_granted_n,
       CASE WHEN sum(u.apps_partial_n) > 0 THEN sum(u.apps_partial) END AS apps_partial, sum(u.apps_partial_n)::BIGINT AS apps_partial_n,
       CASE WHEN sum(u.apps_withheld_n) > 0 THEN sum(u.apps_withheld) END AS apps_withheld, sum(u.apps_withheld_n)::BIGINT AS apps_withheld_n,
       CASE WHEN sum(u.apps_unavailable_n) > 0 THEN sum(u.apps_unavailable) END AS apps_unavailable, sum(u.apps_unavailable_n)::BIGINT AS apps_unavailable_n,
       CASE WHEN sum(u.apps_not_processed_n) > 0 THEN sum(u.apps_not_processed) END AS apps_not_processed, sum(u.apps_not_processed_n)::BIGINT AS apps_not_processed_n,
       CASE WHEN sum(u.apps_other_n) > 0 THEN sum(u.apps_other) END AS apps_other, sum(u.apps_other_n)::BIGINT AS apps_other_n,
       CASE WHEN sum(u.apps_total_n) > 0 THEN sum(u.apps_total) END AS apps_total, sum(u.apps_total_n)::BIGINT AS apps_total_n,
       CASE WHEN sum(u.apps_carried_out_n) > 0 THEN sum(u.apps_carried_out) END AS apps_carried_out, sum(u.apps_carried_out_n)::BIGINT AS apps_carried_out_n,
       CASE WHEN sum(u.licensing_decisions_n) > 0 THEN sum(u.licensing_decisions) END AS licensing_decisions, sum(u.licensing_decisions_n)::BIGINT AS licensing_decisions_n,
       CASE WHEN sum(u.penalty_decisions_n) > 0 THEN sum(u.penalty_decisions) END AS penalty_decisions, sum(u.penalty_decisions_n)::BIGINT AS penalty_decisions_n,
       CASE WHEN sum(u.coercion_decisions_n) > 0 THEN sum(u.coercion_decisions) END AS coercion_decisions, sum(u.coercion_decisions_n)::BIGINT AS coercion_decisions_n,
       CASE WHEN sum(u.normative_docs_issued_n) > 0 THEN sum(u.normative_docs_issued) END AS normative_docs_issued, sum(u.normative_docs_issued_n)::BIGINT AS normative_docs_issued_n,
       CASE WHEN sum(u.normative_docs_made_n) > 0 THEN sum(u.normative_docs_made) END AS normative_docs_made, sum(u.normative_docs_made_n)::BIGINT AS normative_docs_made_n,
       CASE WHEN sum(u.normative_docs_in_force_n) > 0 THEN sum(u.normative_docs_in_force) END AS normative_docs_in_force, sum(u.normative_docs_in_force_n)::BIGINT AS normative_docs_in_force_n,
       CASE WHEN sum(u.proactive_items_n) > 0 THEN sum(u.proactive_items) END AS proactive_items, sum(u.proactive_items_n)::BIGINT AS proactive_items_n,
       CASE WHEN sum(u.review_upheld_n) > 0 THEN sum(u.review_upheld) END AS review_upheld, sum(u.review_upheld_n)::BIGINT AS review_upheld_n,
       CASE WHEN sum(u.review_corrected_n) > 0 THEN sum(u.review_corrected) END AS review_corrected, sum(u.review_corrected_n)::BIGINT AS review_corrected_n,
       CASE WHEN sum(u.review_other_n) > 0 THEN sum(u.review_other) END AS review_other, sum(u.review_other_n)::BIGINT AS review_other_n,
       CASE WHEN sum(u.review_pending_n) > 0 THEN sum(u.review_pending) END AS review_pending, sum(u.review_pending_n)::BIGINT AS review_pending_n,
       CASE WHEN sum(u.review_total_n) > 0 THEN sum(u.review_total) END AS review_total, sum(u.review_total_n)::BIGINT AS review_total_n,
       CASE WHEN sum(u.litigation_direct_upheld_n) > 0 THEN sum(u.litigation_direct_upheld) END AS litigation_direct_upheld, sum(u.litigation_direct_upheld_n)::BIGINT AS litigation_direct_upheld_n,
       CASE WHEN sum(u.litigation_direct_corrected_n) > 0 THEN sum(u.litigation_direct_corrected) END AS litigation_direct_corrected, sum(u.litigation_direct_corrected_n)::BIGINT AS litigation_direct_corrected_n,
       CASE WHEN sum(u.litigation_direct_other_n) > 0 THEN sum(u.litigation_direct_other) END AS litigation_direct_other, sum(u.litigation_direct_other_n)::BIGINT AS litigation_direct_other_n,
       CASE WHEN sum(u.litigation_direct_pending_n) > 0 THEN sum(u.litigation_direct_pending) END AS litigation_direct_pending, sum(u.litigation_direct_pending_n)::BIGINT AS litigation_direct_pending_n,
       CASE WHEN sum(u.litigation_direct_total_n) > 0 THEN sum(u.litigation_direct_total) END AS litigation_direct_total, sum(u.litigation_direct_total_n)::BIGINT AS litigation_direct_total_n,
       CASE WHEN sum(u.litigation_after_review_upheld_n) > 0 THEN sum(u.litigation_after_review_upheld) END AS litigation_after_review_upheld, sum(u.litigation_after_review_upheld_n)::BIGINT AS litigation_after_review_upheld_n,
       CASE WHEN sum(u.litigation_after_review_corrected_n) > 0 THEN sum(u.litigation_after_review_corrected) END AS litigation_after_review_corrected, sum(u.litigation_after_review_corrected_n)::BIGINT AS litigation_after_review_corrected_n,
       CASE WHEN sum(u.litigation_after_review_other_n) > 0 THEN sum(u.litigation_after_review_other) END AS litigation_after_review_other, sum(u.litigation_after_review_other_n)::BIGINT AS litigation_after_review_other_n,
       CASE WHEN sum(u.litigation_after_review_pending_n) > 0 THEN sum(u.litigation_after_review_pending) END AS litigation_after_review_pending, sum(u.litigation_after_review_pending_n)::BIGINT AS litigation_after_review_pending_n,
       CASE WHEN sum(u.litigation_after_review_total_n) > 0 THEN sum(u.litigation_after_review_total) END AS litigation_after_review_total, sum(u.litigation_after_review_total_n)::BIGINT AS litigation_after_review_total_n,
       CASE WHEN sum(u.apps_withheld_state_secret_n) > 0 THEN sum(u.apps_withheld_state_secret) END AS apps_withheld_state_secret, sum(u.apps_withheld_state_secret_n)::BIGINT AS apps_withheld_state_secret_n,
       CASE WHEN sum(u.apps_withheld_prohibited_by_law_n) > 0 THEN sum(u.apps_withheld_prohibited_by_law) END AS apps_withheld_prohibited_by_law, sum(u.apps_withheld_prohibited_by_law_n)::BIGINT AS apps_withheld_prohibited_by_law_n,
       CASE WHEN sum(u.apps_withheld_three_safeties_n) > 0 THEN sum(u.apps_withheld_three_safeties) END AS apps_withheld_three_safeties, sum(u.apps_withheld_three_safeties_n)::BIGINT AS apps_withheld_three_safeties_n,
       CASE WHEN sum(u.apps_withheld_third_party_n) > 0 THEN sum(u.apps_withheld_third_party) END AS apps_withheld_third_party, sum(u.apps_withheld_third_party_n)::BIGINT AS apps_withheld_third_party_n,
       CASE WHEN sum(u.apps_withheld_internal_affairs_n) > 0 THEN sum(u.apps_withheld_internal_affairs) END AS apps_withheld_internal_affairs, sum(u.apps_withheld_internal_affairs_n)::BIGINT AS apps_withheld_internal_affairs_n,
       CASE WHEN sum(u.apps_withheld_process_info_n) > 0 THEN sum(u.apps_withheld_process_info) END AS apps_withheld_process_info, sum(u.apps_withheld_process_info_n)::BIGINT AS apps_withheld_process_info_n,
       CASE WHEN sum(u.apps_withheld_enforcement_file_n) > 0 THEN sum(u.apps_withheld_enforcement_file) END AS apps_withheld_enforcement_file, sum(u.apps_withheld_enforcement_file_n)::BIGINT AS apps_withheld_enforcement_file_n,
       CASE WHEN sum(u.apps_withheld_query_matter_n) > 0 THEN sum(u.apps_withheld_query_matter) END AS apps_withheld_query_matter, sum(u.apps_withheld_query_matter_n)::BIGINT AS apps_withheld_query_matter_n,
       CASE WHEN sum(u.apps_new_natural_n) > 0 THEN sum(u.apps_new_natural) END AS apps_new_natural, sum(u.apps_new_natural_n)::BIGINT AS apps_new_natural_n,
       CASE WHEN sum(u.apps_new_business_n) > 0 THEN sum(u.apps_new_business) END AS apps_new_business, sum(u.apps_new_business_n)::BIGINT AS apps_new_business_n,
       CASE WHEN sum(u.apps_new_research_n) > 0 THEN sum(u.apps_new_research) END AS apps_new_research, sum(u.apps_new_research_n)::BIGINT AS apps_new_research_n,
       CASE WHEN sum(u.apps_new_ngo_n) > 0 THEN sum(u.apps_new_ngo) END AS apps_new_ngo, sum(u.apps_new_ngo_n)::BIGINT AS apps_new_ngo_n,
       CASE WHEN sum(u.apps_new_legal_services_n) > 0 THEN sum(u.apps_new_legal_services) END AS apps_new_legal_services, sum(u.apps_new_legal_services_n)::BIGINT AS apps_new_legal_services_n,
       CASE WHEN sum(u.apps_new_other_n) > 0 THEN sum(u.apps_new_other) END AS apps_new_other, sum(u.apps_new_other_n)::BIGINT AS apps_new_other_n,
       sum(u.errors)::BIGINT AS errors, sum(u.warnings)::BIGINT AS warnings
FROM (
    SELECT g.* FROM store.summary_rollup g
    WHERE EXISTS (SELECT 1 FROM summary_rollup_groups d
                  WHERE d.year = g.year AND d.province IS NOT DISTINCT FROM g.province AND d.city IS NOT DISTINCT FROM g.city
                    AND d.county IS NOT DISTINCT FROM g.county AND d.level IS NOT DISTINCT FROM g.level)
    UNION ALL
    SELECT * FROM summary_rollup_delta
) u
GROUP BY u.year, u.province, u.city, u.county, u.level
HAVING sum(u.reports) <> 0;
DELETE FROM store.summary_rollup g
WHERE EXISTS (SELECT 1 FROM summary_rollup_groups d
              WHERE d.year = g.year AND d.province IS NOT DISTINCT FROM g.province AND d.city IS NOT DISTINCT FROM g.city
                AND d.county IS NOT DISTINCT FROM g.county AND d.level IS NOT DISTINCT FROM g.level);
INSERT INTO store.summary_rollup SELECT * FROM summary_rollup_merged;
DROP TABLE summary_rollup_delta;
DROP TABLE summary_rollup_groups;
DROP TABLE summary_rollup_merged;
