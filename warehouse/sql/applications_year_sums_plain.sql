-- applications_year_sums_plain: queries/applications_year_sums.sql for a filter without a piece
-- of an agency's name (Query chooses it in Go: sumsPlainForm): the same
-- rows, read from summary_groups (store.summary_rollup) alone, without
-- the branch over current_summary that such a filter empties. DuckDB binds
-- and optimizes a statement with parameters again with their values at
-- every run (kept.go) before it folds that branch away: ~1.3 ms of the
-- query's ~6-8 ms of CPU at 1M reports. TestSumsPlainForms holds the two
-- to the same rows and types.
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

