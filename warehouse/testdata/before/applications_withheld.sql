-- name: applications_withheld
-- title: 不予公开的理由
-- params: year_from, year_to, province, city, level, agency
-- columns: measure, label, applications
-- The eight grounds of （三）不予公开, applicant 总计, in the official row order.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
WITH s AS (
    SELECT sum(apps_withheld_state_secret) AS state_secret, sum(apps_withheld_prohibited_by_law) AS prohibited_by_law,
           sum(apps_withheld_three_safeties) AS three_safeties, sum(apps_withheld_third_party) AS third_party,
           sum(apps_withheld_internal_affairs) AS internal_affairs, sum(apps_withheld_process_info) AS process_info,
           sum(apps_withheld_enforcement_file) AS enforcement_file, sum(apps_withheld_query_matter) AS query_matter
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
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
