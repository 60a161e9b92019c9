-- name: applications_applicants
-- title: 申请人类型（本年新收申请）
-- params: year_from, year_to, province, city, level, agency
-- columns: applicant, label, apps_new
-- 本年新收 by the six applicant columns of table 三, in the official column order.
-- Without a piece of an agency's name the sums are read from
-- summary_groups, the summary rows summed per year, region and level at
-- load (store.summary_rollup, migration 0021: a few thousand rows at 1M
-- reports); with one, from current_summary, one row per current report.
-- Each branch is empty when the other applies; a sum's count of stating
-- reports (<column>_n) keeps it NULL where no report states it.
WITH s AS (
    SELECT CASE WHEN sum(apps_new_natural_n) > 0 THEN sum(apps_new_natural)::DOUBLE END AS natural,
           CASE WHEN sum(apps_new_business_n) > 0 THEN sum(apps_new_business)::DOUBLE END AS business,
           CASE WHEN sum(apps_new_research_n) > 0 THEN sum(apps_new_research)::DOUBLE END AS research,
           CASE WHEN sum(apps_new_ngo_n) > 0 THEN sum(apps_new_ngo)::DOUBLE END AS ngo,
           CASE WHEN sum(apps_new_legal_services_n) > 0 THEN sum(apps_new_legal_services)::DOUBLE END AS legal_services,
           CASE WHEN sum(apps_new_other_n) > 0 THEN sum(apps_new_other)::DOUBLE END AS other
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    HAVING $agency IS NULL
    UNION ALL
    SELECT sum(apps_new_natural) AS natural,
           sum(apps_new_business) AS business,
           sum(apps_new_research) AS research,
           sum(apps_new_ngo) AS ngo,
           sum(apps_new_legal_services) AS legal_services,
           sum(apps_new_other) AS other
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE $agency IS NOT NULL
    HAVING $agency IS NOT NULL
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
