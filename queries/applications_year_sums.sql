-- name: applications_year_sums
-- title: 依申请公开（按年度，含申请人类型与不予公开理由）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, apps_new, apps_carried_in, apps_granted, apps_partial, apps_withheld, apps_unavailable, apps_not_processed, apps_other, apps_total, apps_carried_out, disclosure_rate, apps_new_natural, apps_new_business, apps_new_research, apps_new_ngo, apps_new_legal_services, apps_new_other, apps_withheld_state_secret, apps_withheld_prohibited_by_law, apps_withheld_three_safeties, apps_withheld_third_party, apps_withheld_internal_affairs, apps_withheld_process_info, apps_withheld_enforcement_file, apps_withheld_query_matter
-- applications_by_year's rows, each with the year's sums of
-- applications_applicants' six applicant columns (本年新收) and
-- applications_withheld's eight grounds of 不予公开 (0 where no report of
-- the year states one), all from one pass over the selected reports. With a
-- piece of an agency's name the three queries each joined the selected
-- agencies to the million current summary rows at 1M reports (a third of
-- 依申请公开's requests, and its slowest tenth); the page reads this one
-- instead, and sums the applicant and ground columns over the years itself
-- (the figures are counts: the sum of the years' sums is the sum).
-- The branches are applications_by_year's: without a piece of a name the
-- sums are read from summary_groups (store.summary_rollup, 0021), with one
-- from current_summary; each is empty when the other applies, and a sum's
-- count of stating reports (<column>_n) keeps it NULL where no report
-- states it.
-- Measured without gain (session 39, 1M reports, the 31 /applications
-- filters with a piece, TestScaleVariants, kept statements, interleaved):
-- the piece's branch as a semi-join of the summary rows to the selected
-- agencies (selected_summary's shape) instead of current_summary's join,
-- 53.0 -> 56.4 ms of CPU a query (country 97.5 -> 111.7; a city 48.2 ->
-- 42.8); SET dynamic_or_filter_threshold = 5000 (the join's ids pushed
-- into the scan as a list), slower on a rare piece in a short check
-- outside the lock (~80 -> ~110 ms).
WITH v AS (
    SELECT year, sum(reports)::BIGINT AS reports,
           CASE WHEN sum(apps_new_n) > 0 THEN sum(apps_new)::DOUBLE END AS apps_new,
           CASE WHEN sum(apps_carried_in_n) > 0 THEN sum(apps_carried_in)::DOUBLE END AS apps_carried_in,
           CASE WHEN sum(apps_granted_n) > 0 THEN sum(apps_granted)::DOUBLE END AS apps_granted,
           CASE WHEN sum(apps_partial_n) > 0 THEN sum(apps_partial)::DOUBLE END AS apps_partial,
           CASE WHEN sum(apps_withheld_n) > 0 THEN sum(apps_withheld)::DOUBLE END AS apps_withheld,
           CASE WHEN sum(apps_unavailable_n) > 0 THEN sum(apps_unavailable)::DOUBLE END AS apps_unavailable,
           CASE WHEN sum(apps_not_processed_n) > 0 THEN sum(apps_not_processed)::DOUBLE END AS apps_not_processed,
           CASE WHEN sum(apps_other_n) > 0 THEN sum(apps_other)::DOUBLE END AS apps_other,
           CASE WHEN sum(apps_total_n) > 0 THEN sum(apps_total)::DOUBLE END AS apps_total,
           CASE WHEN sum(apps_carried_out_n) > 0 THEN sum(apps_carried_out)::DOUBLE END AS apps_carried_out,
           CASE WHEN sum(apps_new_natural_n) > 0 THEN sum(apps_new_natural)::DOUBLE END AS apps_new_natural,
           CASE WHEN sum(apps_new_business_n) > 0 THEN sum(apps_new_business)::DOUBLE END AS apps_new_business,
           CASE WHEN sum(apps_new_research_n) > 0 THEN sum(apps_new_research)::DOUBLE END AS apps_new_research,
           CASE WHEN sum(apps_new_ngo_n) > 0 THEN sum(apps_new_ngo)::DOUBLE END AS apps_new_ngo,
           CASE WHEN sum(apps_new_legal_services_n) > 0 THEN sum(apps_new_legal_services)::DOUBLE END AS apps_new_legal_services,
           CASE WHEN sum(apps_new_other_n) > 0 THEN sum(apps_new_other)::DOUBLE END AS apps_new_other,
           CASE WHEN sum(apps_withheld_state_secret_n) > 0 THEN sum(apps_withheld_state_secret)::DOUBLE END AS apps_withheld_state_secret,
           CASE WHEN sum(apps_withheld_prohibited_by_law_n) > 0 THEN sum(apps_withheld_prohibited_by_law)::DOUBLE END AS apps_withheld_prohibited_by_law,
           CASE WHEN sum(apps_withheld_three_safeties_n) > 0 THEN sum(apps_withheld_three_safeties)::DOUBLE END AS apps_withheld_three_safeties,
           CASE WHEN sum(apps_withheld_third_party_n) > 0 THEN sum(apps_withheld_third_party)::DOUBLE END AS apps_withheld_third_party,
           CASE WHEN sum(apps_withheld_internal_affairs_n) > 0 THEN sum(apps_withheld_internal_affairs)::DOUBLE END AS apps_withheld_internal_affairs,
           CASE WHEN sum(apps_withheld_process_info_n) > 0 THEN sum(apps_withheld_process_info)::DOUBLE END AS apps_withheld_process_info,
           CASE WHEN sum(apps_withheld_enforcement_file_n) > 0 THEN sum(apps_withheld_enforcement_file)::DOUBLE END AS apps_withheld_enforcement_file,
           CASE WHEN sum(apps_withheld_query_matter_n) > 0 THEN sum(apps_withheld_query_matter)::DOUBLE END AS apps_withheld_query_matter
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
    UNION ALL
    SELECT year, count(*) AS reports,
           sum(apps_new) AS apps_new,
           sum(apps_carried_in) AS apps_carried_in,
           sum(apps_granted) AS apps_granted,
           sum(apps_partial) AS apps_partial,
           sum(apps_withheld) AS apps_withheld,
           sum(apps_unavailable) AS apps_unavailable,
           sum(apps_not_processed) AS apps_not_processed,
           sum(apps_other) AS apps_other,
           sum(apps_total) AS apps_total,
           sum(apps_carried_out) AS apps_carried_out,
           sum(apps_new_natural) AS apps_new_natural,
           sum(apps_new_business) AS apps_new_business,
           sum(apps_new_research) AS apps_new_research,
           sum(apps_new_ngo) AS apps_new_ngo,
           sum(apps_new_legal_services) AS apps_new_legal_services,
           sum(apps_new_other) AS apps_new_other,
           sum(apps_withheld_state_secret) AS apps_withheld_state_secret,
           sum(apps_withheld_prohibited_by_law) AS apps_withheld_prohibited_by_law,
           sum(apps_withheld_three_safeties) AS apps_withheld_three_safeties,
           sum(apps_withheld_third_party) AS apps_withheld_third_party,
           sum(apps_withheld_internal_affairs) AS apps_withheld_internal_affairs,
           sum(apps_withheld_process_info) AS apps_withheld_process_info,
           sum(apps_withheld_enforcement_file) AS apps_withheld_enforcement_file,
           sum(apps_withheld_query_matter) AS apps_withheld_query_matter
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE $agency IS NOT NULL
    GROUP BY year
)
SELECT year, reports,
       coalesce(apps_new, 0) AS apps_new,
       coalesce(apps_carried_in, 0) AS apps_carried_in,
       coalesce(apps_granted, 0) AS apps_granted,
       coalesce(apps_partial, 0) AS apps_partial,
       coalesce(apps_withheld, 0) AS apps_withheld,
       coalesce(apps_unavailable, 0) AS apps_unavailable,
       coalesce(apps_not_processed, 0) AS apps_not_processed,
       coalesce(apps_other, 0) AS apps_other,
       coalesce(apps_total, 0) AS apps_total,
       coalesce(apps_carried_out, 0) AS apps_carried_out,
       round((coalesce(apps_granted, 0) + coalesce(apps_partial, 0)) / nullif(apps_total, 0), 4) AS disclosure_rate,
       coalesce(apps_new_natural, 0) AS apps_new_natural,
       coalesce(apps_new_business, 0) AS apps_new_business,
       coalesce(apps_new_research, 0) AS apps_new_research,
       coalesce(apps_new_ngo, 0) AS apps_new_ngo,
       coalesce(apps_new_legal_services, 0) AS apps_new_legal_services,
       coalesce(apps_new_other, 0) AS apps_new_other,
       coalesce(apps_withheld_state_secret, 0) AS apps_withheld_state_secret,
       coalesce(apps_withheld_prohibited_by_law, 0) AS apps_withheld_prohibited_by_law,
       coalesce(apps_withheld_three_safeties, 0) AS apps_withheld_three_safeties,
       coalesce(apps_withheld_third_party, 0) AS apps_withheld_third_party,
       coalesce(apps_withheld_internal_affairs, 0) AS apps_withheld_internal_affairs,
       coalesce(apps_withheld_process_info, 0) AS apps_withheld_process_info,
       coalesce(apps_withheld_enforcement_file, 0) AS apps_withheld_enforcement_file,
       coalesce(apps_withheld_query_matter, 0) AS apps_withheld_query_matter
FROM v
ORDER BY year
