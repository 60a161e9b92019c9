-- name: applications_withheld
-- title: 不予公开的理由
-- params: year_from, year_to, province, city, level, agency
-- columns: measure, label, applications
-- The eight grounds of （三）不予公开, applicant 总计, in the official row order.
WITH reasons(measure, label, ord) AS (
    VALUES ('apps.withheld.state_secret', '属于国家秘密', 1),
           ('apps.withheld.prohibited_by_law', '其他法律行政法规禁止公开', 2),
           ('apps.withheld.three_safeties', '危及“三安全一稳定”', 3),
           ('apps.withheld.third_party', '保护第三方合法权益', 4),
           ('apps.withheld.internal_affairs', '属于三类内部事务信息', 5),
           ('apps.withheld.process_info', '属于四类过程性信息', 6),
           ('apps.withheld.enforcement_file', '属于行政执法案卷', 7),
           ('apps.withheld.query_matter', '属于行政查询事项', 8)
)
SELECT r.measure, r.label, coalesce(sum(v.value), 0) AS applications
FROM reasons r
LEFT JOIN (
    SELECT measure, value FROM current_figures('apps.withheld.%', 'total', $year_from, $year_to, $province, $city, $level, $agency)
) v USING (measure)
GROUP BY r.measure, r.label, r.ord
ORDER BY r.ord
