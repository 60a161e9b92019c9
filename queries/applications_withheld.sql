-- name: applications_withheld
-- title: 不予公开的理由
-- params: year_from, year_to, province, city, level, agency
-- columns: measure, label, applications
-- The eight grounds of （三）不予公开, applicant 总计, in the official row order.
-- Without a piece of an agency's name the sums are read from
-- summary_groups, the summary rows summed per year, region and level at
-- load (store.summary_rollup, migration 0021: a few thousand rows at 1M
-- reports); with one, from current_summary, one row per current report.
-- Each branch is empty when the other applies; a sum's count of stating
-- reports (<column>_n) keeps it NULL where no report states it.
WITH s AS (
    SELECT CASE WHEN sum(apps_withheld_state_secret_n) > 0 THEN sum(apps_withheld_state_secret)::DOUBLE END AS state_secret,
           CASE WHEN sum(apps_withheld_prohibited_by_law_n) > 0 THEN sum(apps_withheld_prohibited_by_law)::DOUBLE END AS prohibited_by_law,
           CASE WHEN sum(apps_withheld_three_safeties_n) > 0 THEN sum(apps_withheld_three_safeties)::DOUBLE END AS three_safeties,
           CASE WHEN sum(apps_withheld_third_party_n) > 0 THEN sum(apps_withheld_third_party)::DOUBLE END AS third_party,
           CASE WHEN sum(apps_withheld_internal_affairs_n) > 0 THEN sum(apps_withheld_internal_affairs)::DOUBLE END AS internal_affairs,
           CASE WHEN sum(apps_withheld_process_info_n) > 0 THEN sum(apps_withheld_process_info)::DOUBLE END AS process_info,
           CASE WHEN sum(apps_withheld_enforcement_file_n) > 0 THEN sum(apps_withheld_enforcement_file)::DOUBLE END AS enforcement_file,
           CASE WHEN sum(apps_withheld_query_matter_n) > 0 THEN sum(apps_withheld_query_matter)::DOUBLE END AS query_matter
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    HAVING $agency IS NULL
    UNION ALL
    SELECT sum(apps_withheld_state_secret) AS state_secret,
           sum(apps_withheld_prohibited_by_law) AS prohibited_by_law,
           sum(apps_withheld_three_safeties) AS three_safeties,
           sum(apps_withheld_third_party) AS third_party,
           sum(apps_withheld_internal_affairs) AS internal_affairs,
           sum(apps_withheld_process_info) AS process_info,
           sum(apps_withheld_enforcement_file) AS enforcement_file,
           sum(apps_withheld_query_matter) AS query_matter
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE $agency IS NOT NULL
    HAVING $agency IS NOT NULL
), reasons(measure, label, ord) AS (
    VALUES ('apps.withheld.state_secret', '属于国家秘密', 1),
           ('apps.withheld.prohibited_by_law', '其他法律行政法规禁止公开', 2),
           ('apps.withheld.three_safeties', '危及“三安全一稳定”', 3),
           ('apps.withheld.third_party', '保护第三方合法权益', 4),
           ('apps.withheld.internal_affairs', '属于三类内部事务信息', 5),
           ('apps.withheld.process_info', '属于四类过程性信息', 6),
           ('apps.withheld.enforcement_file', '属于行政执法案卷', 7),
           ('apps.withheld.query_matter', '属于行政查询事项', 8)
)
SELECT r.measure, r.label,
       coalesce(CASE r.ord WHEN 1 THEN s.state_secret WHEN 2 THEN s.prohibited_by_law WHEN 3 THEN s.three_safeties
                WHEN 4 THEN s.third_party WHEN 5 THEN s.internal_affairs WHEN 6 THEN s.process_info
                WHEN 7 THEN s.enforcement_file ELSE s.query_matter END, 0) AS applications
FROM reasons r, s
ORDER BY r.ord
