-- agencies_list_plain: queries/agencies_list.sql for a filter without a piece of an
-- agency's name, on a warehouse where the agencies' bit sets of years hold
-- every current report once (Query chooses it in Go: agenciesListForm).
-- The same rows; the page's agencies' reports, first and last year are
-- read from their patterns of years with a current report
-- (store.agencies.pattern, 0073; store.status_patterns, 0046) instead of a
-- semi-join of the million current reports to the page's 50 agencies (~9 ms
-- of CPU at 1M reports). An agency's count of reports in the years is the
-- count of its bits in them only when no report has a year outside
-- 1990-2100 and no agency has two current reports of a year, which Query
-- checks once an open (bitsHoldReports). The page is taken from
-- store.agencies itself (its pattern with it), with selected_agencies'
-- conditions.
-- TestAgenciesListForms and TestFormsAfterEditsByHand hold it to the named
-- query's rows.
WITH page AS (
    SELECT a.agency_id, a.name AS agency, a.province, a.city, a.level, a.pattern
    FROM store.agencies a
    WHERE ($province IS NULL OR a.province = $province)
      AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
      AND ($agency IS NULL OR contains(a.name, $agency))
    ORDER BY a.name, a.agency_id
    LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
), total AS (
    SELECT count(*) AS agencies_total
    FROM selected_agencies($province, $city, $level, $agency) a
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
