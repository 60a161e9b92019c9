-- name: applications_applicants
-- title: 申请人类型（本年新收申请）
-- params: year_from, year_to, province, city, level, agency
-- columns: applicant, label, apps_new
-- 本年新收 by the six applicant columns of table 三, in the official column order.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
WITH s AS (
    SELECT sum(apps_new_natural) AS natural, sum(apps_new_business) AS business,
           sum(apps_new_research) AS research, sum(apps_new_ngo) AS ngo,
           sum(apps_new_legal_services) AS legal_services, sum(apps_new_other) AS other
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
), kinds(applicant, label, ord) AS (
    VALUES ('natural', '自然人', 1), ('business', '商业企业', 2), ('research', '科研机构', 3),
           ('ngo', '社会公益组织', 4), ('legal_services', '法律服务机构', 5), ('other', '其他', 6)
)
SELECT k.applicant, k.label,
       coalesce(CASE k.applicant WHEN 'natural' THEN s.natural WHEN 'business' THEN s.business
                WHEN 'research' THEN s.research WHEN 'ngo' THEN s.ngo
                WHEN 'legal_services' THEN s.legal_services ELSE s.other END, 0) AS apps_new
FROM kinds k, s
ORDER BY k.ord
