-- name: applications_applicants
-- title: 申请人类型（本年新收申请）
-- params: year_from, year_to, province, city, level, agency
-- columns: applicant, label, apps_new
-- 本年新收 by the six applicant columns of table 三, in the official column order.
WITH kinds(applicant, label, ord) AS (
    VALUES ('natural', '自然人', 1), ('business', '商业企业', 2), ('research', '科研机构', 3),
           ('ngo', '社会公益组织', 4), ('legal_services', '法律服务机构', 5), ('other', '其他', 6)
)
SELECT k.applicant, k.label, coalesce(sum(v.value), 0) AS apps_new
FROM kinds k
LEFT JOIN (
    SELECT applicant, value FROM current_figures('apps.new', NULL, $year_from, $year_to, $province, $city, $level, $agency)
) v USING (applicant)
GROUP BY k.applicant, k.label, k.ord
ORDER BY k.ord
