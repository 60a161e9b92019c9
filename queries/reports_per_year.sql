-- name: reports_per_year
-- title: 各年度报告数
-- params: year_from, year_to, province, level, agency
-- columns: year, reports, agencies, errors
-- Current reports per year, with how many agencies filed and how many errors
-- their figures carry.
-- The reports and errors are summed from store.reports alone, joined to the
-- agencies only when a region, level or piece of a name selects them (one
-- branch of cur or the other is empty: the parameters are known when DuckDB
-- plans the query). The agencies that filed are counted from their bit sets
-- of years (store.agency_status, 0020; one row per agency, kept by the
-- writer and checked at Open) instead of a count(DISTINCT agency_id) over
-- the million current reports, which took most of the query's 40-110 ms at
-- 1M reports; a year outside the bits' 1990-2100 (set by hand: 0031) is
-- counted from its reports as before.
WITH cur AS NOT MATERIALIZED (
    SELECT r.agency_id, r.year, r.errors
    FROM store.reports r
    WHERE r.is_current
      AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
      AND $province IS NULL AND $level IS NULL AND $agency IS NULL
    UNION ALL
    SELECT r.agency_id, r.year, r.errors
    FROM store.reports r
    JOIN selected_agencies($province, NULL, $level, $agency) a ON a.agency_id = r.agency_id
    WHERE r.is_current
      AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
      AND NOT ($province IS NULL AND $level IS NULL AND $agency IS NULL)
), per_year AS (
    SELECT c.year, count(*) AS reports, sum(c.errors) AS errors FROM cur c GROUP BY c.year
), bits AS (
    -- The selected agencies' years with a current report.
    SELECT s.reported
    FROM store.agency_bits() s
    WHERE $province IS NULL AND $level IS NULL AND $agency IS NULL
    UNION ALL
    SELECT s.reported
    FROM store.agency_bits() s
    JOIN selected_agencies($province, NULL, $level, $agency) a ON a.agency_id = s.agency_id
    WHERE NOT ($province IS NULL AND $level IS NULL AND $agency IS NULL)
), filers AS (
    SELECT y.year, count(*) AS agencies
    FROM per_year y
    JOIN bits s ON CASE WHEN y.year BETWEEN 1990 AND 2100 THEN (s.reported & store.year_bit(y.year)) <> 0 ELSE false END
    GROUP BY y.year
), odd AS (
    -- Years the bits cannot hold.
    SELECT c.year, count(DISTINCT c.agency_id) AS agencies
    FROM cur c
    WHERE c.year NOT BETWEEN 1990 AND 2100
    GROUP BY c.year
)
SELECT y.year, y.reports, coalesce(f.agencies, o.agencies, 0) AS agencies, y.errors
FROM per_year y
LEFT JOIN filers f ON f.year = y.year
LEFT JOIN odd o ON o.year = y.year
ORDER BY y.year
