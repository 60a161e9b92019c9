-- agencies_list_piece: queries/agencies_list.sql for a filter with a piece of an
-- agency's name, on a warehouse where the agencies' bit sets of years hold
-- every current report once (Query chooses it in Go: agenciesListForm).
-- As agencies_list_plain.sql, the page's reports and years from their
-- patterns of years; and the selected agencies are found once
-- (MATERIALIZED) for the page and its count: the named query matches the
-- piece against the ~170,000 names twice, ~8 ms of CPU each at 1M
-- reports. Without a piece the materialized selection costs more than the
-- second pass it saves (every agency's name and region). TestAgenciesListForms
-- and TestFormsAfterEditsByHand hold it to the named query's rows.
WITH sel AS MATERIALIZED (
    SELECT a.agency_id, a.name AS agency, a.province, a.city, a.level, a.pattern
    FROM store.agencies a
    WHERE ($province IS NULL OR a.province = $province)
      AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
      AND ($agency IS NULL OR contains(a.name, $agency))
), page AS (
    SELECT sel.*
    FROM sel
    ORDER BY sel.agency, sel.agency_id
    LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
), total AS (
    SELECT count(*) AS agencies_total FROM sel
), m AS (
    -- The page's years with a current report among the selected ones.
    SELECT p.agency_id, b.reported & store.year_bits($year_from, $year_to) AS m
    FROM page p
    JOIN store.pattern_bits() b ON b.pattern = p.pattern
), r AS (
    SELECT m.agency_id, count(*) AS reports,
           min(1990 + y.b)::INTEGER AS first_year, max(1990 + y.b)::INTEGER AS last_year
    FROM m, range(0, 111) y(b)
    WHERE (m.m >> y.b::HUGEINT) & 1 = 1
    GROUP BY m.agency_id
)
SELECT p.agency_id, p.agency, p.province, p.city, p.level,
       coalesce(r.reports, 0) AS reports, r.first_year, r.last_year,
       t.agencies_total
FROM page p
CROSS JOIN total t
LEFT JOIN r USING (agency_id)
ORDER BY p.agency, p.agency_id
