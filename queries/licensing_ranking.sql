-- name: licensing_ranking
-- title: 行政许可决定数量排名
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, level, city, reports, licensing_decisions
-- Agencies ranked by the licensing decisions they report over the selected
-- years (the dashboard selects one year); ties by name so the order is stable.
-- reports counts the reports that state the figure. Agencies that report no
-- licensing decision are left out: a ranking of zeros says nothing.
-- Reads store.report_summary (one row per report with its figures pivoted
-- at load), summed per agency id, in one of two forms. With no region,
-- level or name given (every), every agency's reports are summed and the
-- agencies joined to the sums. With one (chosen), only the reports of the
-- agencies the filters select are summed (a semi-join, so that an agency
-- counts its reports once) and the agencies joined to the sums: the
-- filter reaches the scan, where summing all 170,000 agencies and keeping
-- the selected ones afterwards cost the same 15-20 ms at 1M reports
-- however few they were. Each form is guarded by the parameters alone,
-- which DuckDB folds to a constant: it plans one form and leaves the other
-- empty. An agency's reports all share its name, level and region, so
-- either form selects the same reports.
WITH every AS (
    SELECT t.agency_id, a.agency, a.level, a.city, t.reports, t.licensing_decisions
    FROM (
        SELECT s.agency_id, count(*) AS reports, coalesce(sum(s.licensing_decisions), 0) AS licensing_decisions
        FROM store.report_summary s
        WHERE $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
          AND s.is_current AND s.licensing_stated
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
        GROUP BY s.agency_id
        HAVING coalesce(sum(s.licensing_decisions), 0) > 0
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    ORDER BY t.licensing_decisions DESC, a.agency, t.agency_id
    LIMIT coalesce($limit, 20)
), chosen AS (
    SELECT t.agency_id, a.agency, a.level, a.city, t.reports, t.licensing_decisions
    FROM (
        SELECT s.agency_id, count(*) AS reports, coalesce(sum(s.licensing_decisions), 0) AS licensing_decisions
        FROM store.report_summary s
        WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
          AND s.is_current AND s.licensing_stated
          AND ($year_from IS NULL OR s.year >= $year_from)
          AND ($year_to IS NULL OR s.year <= $year_to)
          AND s.agency_id IN (SELECT g.agency_id FROM selected_agencies($province, $city, $level, $agency) g)
        GROUP BY s.agency_id
        HAVING coalesce(sum(s.licensing_decisions), 0) > 0
    ) t
    JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
    ORDER BY t.licensing_decisions DESC, a.agency, t.agency_id
    LIMIT coalesce($limit, 20)
)
SELECT * FROM (SELECT * FROM every UNION ALL SELECT * FROM chosen) r
ORDER BY r.licensing_decisions DESC, r.agency, r.agency_id
LIMIT coalesce($limit, 20)
