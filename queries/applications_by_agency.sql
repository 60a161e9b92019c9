-- name: applications_by_agency
-- title: 依申请公开办理结果（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, apps_granted, apps_partial, apps_withheld, apps_unavailable, apps_not_processed, apps_other, apps_total
-- The agencies that handled the most applications over the selected years
-- (table 三, column 总计; outcomes summed as in applications_by_year).
-- Reads store.report_summary: the totals per agency id in one of two
-- forms, as licensing_ranking says (every agency's reports with no region,
-- level or name given, only the selected agencies' with one), the agencies
-- joined to them with their names to pick the first twenty, then the
-- outcomes of those twenty.
WITH every AS (
    SELECT t.agency_id, a.agency, t.apps_total
    FROM (
        SELECT s.agency_id, coalesce(sum(s.apps_total), 0) AS apps_total
        FROM store.report_summary s
        WHERE $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
          AND s.is_current AND s.apps_stated
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
        GROUP BY s.agency_id
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    ORDER BY t.apps_total DESC, a.agency, t.agency_id
    LIMIT coalesce($limit, 20)
), chosen AS (
    SELECT t.agency_id, a.agency, t.apps_total
    FROM (
        SELECT s.agency_id, coalesce(sum(s.apps_total), 0) AS apps_total
        FROM store.report_summary s
        WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
          AND s.is_current AND s.apps_stated
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
          AND s.agency_id IN (SELECT g.agency_id FROM selected_agencies($province, $city, $level, $agency) g)
        GROUP BY s.agency_id
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    ORDER BY t.apps_total DESC, a.agency, t.agency_id
    LIMIT coalesce($limit, 20)
), top AS (
    SELECT * FROM every UNION ALL SELECT * FROM chosen
), sums AS (
    SELECT s.agency_id,
           coalesce(sum(s.apps_granted), 0) AS apps_granted,
           coalesce(sum(s.apps_partial), 0) AS apps_partial,
           coalesce(sum(s.apps_withheld), 0) AS apps_withheld,
           coalesce(sum(s.apps_unavailable), 0) AS apps_unavailable,
           coalesce(sum(s.apps_not_processed), 0) AS apps_not_processed,
           coalesce(sum(s.apps_other), 0) AS apps_other
    FROM store.report_summary s
    WHERE s.is_current AND s.apps_stated
      AND ($year_from IS NULL OR s.year >= $year_from)
      AND ($year_to IS NULL OR s.year <= $year_to)
      AND s.agency_id IN (SELECT top.agency_id FROM top)
    GROUP BY s.agency_id
)
SELECT top.agency_id, top.agency, t.apps_granted, t.apps_partial, t.apps_withheld, t.apps_unavailable,
       t.apps_not_processed, t.apps_other, top.apps_total
FROM top JOIN sums t ON t.agency_id = top.agency_id
ORDER BY top.apps_total DESC, top.agency, top.agency_id
