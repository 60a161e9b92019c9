-- region_figure_by_agency: queries/region_figure.sql (same parameters,
-- columns and rows) read from the copy by cell alone, by the agency each
-- row carries (store.figures_by_cell.agency_id, migration 0093), without
-- joining the years' current reports to the cell's rows. warehouse.Query
-- runs it first when the copy was caught up at its last look (tail false),
-- the selection holds at least 50,000 current reports and the cell's ids
-- are bound (and the copy holds a row of the cell in the years: else
-- region_figure_blank.sql runs); it returns no rows when it cannot answer,
-- and Query then runs the named query.
--
-- Why the rows are the named query's:
-- - A report's agency never changes (the writer never updates it; Open
--   empties the copy when it finds one changed by hand, 0093), so the copy's
--   agency_id selects the region's rows as current_reports does; the
--   agencies' regions are read as they stand (SetAgencyRegion moves them).
-- - is_current changes (a re-upload retires a version, Confirm makes a
--   pending one current), so the copy's reports that are not current (gone)
--   are left out. For every report up to the watermark the copy holds its
--   figures exactly when it is current or listed in
--   store.figures_by_cell_stale (0108: a write that retires a copied
--   report lists it in its own transaction, a pending version is not
--   copied and is copied when confirmed, compaction deletes the listed
--   reports' rows and empties the list; Open empties the copy when another
--   writer changed it, 0121), and the final WHERE returns no rows when a
--   report comes after the watermark: so the copy less the listed reports,
--   read in this query's own snapshot, is the current reports' figures, as
--   figure_totals reads them. The list is a few reports (none on a
--   compacted file); the years' versions that are not current, read from
--   store.reports as before, cost a scan of every report's is_current and
--   year (in load order, the years mixed: 1M rows at 1M reports).
-- - The copy must hold every report: the final WHERE returns no rows when a
--   report comes after the watermark (an empty or partial copy: an upgraded
--   file, a load since the look).
-- - A selected current report with no row for the cell (a format without it)
--   is a row of the named query with a blank value. Those rows sort last, so
--   they are listed only when fewer than limit rows state a value; then the
--   query returns no rows unless every selected current report has a row
--   (present), as the named query would list the others.
-- - reports_total counts the selected current reports as the named query
--   does, in store.summary_rollup (kept by the writer in the transaction of
--   every change of the current reports or the agencies' regions, rebuilt by
--   Open after a change behind it).
--
-- Why it is faster (1M reports, one year, the whole country, apps.new):
-- - the cell's year (166,752 rows) scanned from the copy with the gone
--   anti-join costs ~9 ms of CPU, against ~33 for the named query's join of
--   the year's current reports to the cell;
-- - the rows above the cut are fewer than limit and those tied with it
--   usually a few: each is its own CTE with a LIMIT that drops no row but
--   tells DuckDB that few rows come (tied only when at most 16,384), so that
--   it builds the names' join on them, not on every agency's name, city and
--   level (170,068 rows; ~20 ms);
-- - a cell most reports state 0 ties most rows at the cut, ordered by name.
--   With more than 16,384 tied, the tied rows are ordered by their agencies'
--   name ranks (store.agencies.name_rank, 0086), integers, and only the
--   first limit of them are joined to the names:
--   - for a region or level, each row carries its agency's rank from the
--     selected agencies (sel), which the copy's rows are joined to anyway:
--     every tied row is ranked, so this path always answers;
--   - for the whole country, only the agencies first by rank are joined to
--     the tied rows, as many ranks as hold twice the rows wanted at the
--     tied rows' density among all ranks, and 64 more (the selection is
--     every agency, so the density is the selection's own). When they hold
--     fewer tied rows than wanted, the query returns no rows; otherwise
--     every tied row of a later rank would sort after all of them.
--   Ranks order the agencies as ORDER BY name, agency_id does when every
--   agency has one (checked here, in this query's snapshot: a NULL rank
--   would sort last) and they agree with the names (Query runs this form
--   only when ranksComplete says so).
--
-- Where it runs (warehouse.regionFigureByAgency): selections of at least
-- 50,000 current reports. CPU a query at 1M reports, the page's 108
-- filters, interleaved under the lock (TestScaleVariants, kept statements,
-- the named query after an empty answer, load ~15): the whole country 80.8
-- -> 62.6 ms, a province 72.9 -> 62.7, all 55.4 -> 47.5. On smaller
-- selections it loses (run on every filter at 100k reports: 19.2 -> 26.6
-- ms, a city 18.8 -> 28.0): its fixed costs (the gone anti-join, the NULL
-- rank check, its CTEs) exceed the join it saves. gone read from the
-- stale list instead of store.reports (session 35, 1M, TestScaleVariants,
-- 3 rounds interleaved under the lock, same rows at 1M and 100k): the
-- whole country 47.5 -> 46.7 ms, a province 55.6 -> 50.2.
--
-- For a region or level the tied rows are ranked straight from v, whose
-- rows carry their agency's rank (region_ranked), whatever their number:
-- the form before copied them into tied and again into candidates (90,314
-- rows each for 贵州省 2024 apps.withheld.enforcement_file/business, ~30
-- ms of its ~97 ms of CPU in DuckDB's profile) to order them by rank only
-- past 16,384, and by name below. Ranks give the names' order whenever
-- this form runs (every agency ranked, checked in the final WHERE, and in
-- agreement with the names: ranksComplete); an agency loaded since the
-- last RankAgencies (no rank) makes it return no rows, and Query runs the named
-- query. tied is no longer materialized: the whole country reads it from
-- v for few and candidates. CPU a query at 1M reports, the page's 108
-- filters (TestScaleVariants, kept statements, the named query after an
-- empty answer, gate 50,000, 2 rounds interleaved under the lock, same
-- rows; session 36): all 37.9 -> 36.4 ms, a province 46.6 -> 44.8, the
-- whole country 50.5 -> 49.1, the rest within the noise; same rows at
-- 100k with the gate at 5,000.
--
-- warehouse.Query runs a half of this text named in Go
-- (region_figure_by_agency_ids.sql: its listed and named replaced, its
-- words dropped; the half itself when that cannot name a row exactly).
-- The half (byAgencySQL) is made from this text by
-- putting the CTEs of region_figure_by_agency_country.sql or _region.sql in
-- place of its own of the same names and dropping the other shape's (their
-- headers say which and why): a change here is a change of both halves,
-- and a CTE either half replaces is changed in its file too.
-- holds is the final WHERE's test of the ties, a CTE so that the region
-- half can replace it.
WITH sel AS (
    SELECT a.agency_id, a.name_rank FROM store.agencies a
    WHERE ($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
), gone AS (
    -- The reports the copy still holds that are not current (see the
    -- header): retired since the last compaction.
    SELECT s.report_id FROM store.figures_by_cell_stale s
), v AS MATERIALIZED (
    -- Two forms guarded by the filter arguments alone, which DuckDB folds
    -- when it plans (as the named query's cur): without a region or level
    -- no semi-join with the agencies.
    SELECT c.report_id, c.agency_id, c.value, c.raw_id, c.at_id, NULL::BIGINT AS name_rank
    FROM store.figures_by_cell c
    WHERE $province IS NULL AND $city IS NULL AND $level IS NULL
      AND c.measure_id = $measure_id AND c.applicant_id = $applicant_id
      AND ($year_from IS NULL OR c.year >= $year_from) AND ($year_to IS NULL OR c.year <= $year_to)
      AND c.report_id NOT IN (SELECT report_id FROM gone)
    UNION ALL
    SELECT c.report_id, c.agency_id, c.value, c.raw_id, c.at_id, s.name_rank
    FROM store.figures_by_cell c JOIN sel s USING (agency_id)
    WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL)
      AND c.measure_id = $measure_id AND c.applicant_id = $applicant_id
      AND ($year_from IS NULL OR c.year >= $year_from) AND ($year_to IS NULL OR c.year <= $year_to)
      AND c.report_id NOT IN (SELECT report_id FROM gone)
), k AS MATERIALIZED (
    SELECT count(value) AS stated,
           (SELECT coalesce(sum(g.reports), 0)::BIGINT FROM store.summary_rollup g
            WHERE ($year_from IS NULL OR g.year >= $year_from) AND ($year_to IS NULL OR g.year <= $year_to)
              AND ($province IS NULL OR g.province = $province) AND ($city IS NULL OR g.city = $city)
              AND ($level IS NULL OR g.level = $level)) AS current
    FROM v
), present AS (
    -- The selected reports with a row, counted only when fewer than limit
    -- rows state a value (a count of distinct ids costs ~15 ms at 166k rows).
    SELECT count(DISTINCT v.report_id) AS reports FROM v
    WHERE (SELECT stated FROM k) < coalesce($limit, 500)
), cut AS (
    SELECT value FROM v ORDER BY value DESC NULLS LAST LIMIT 1 OFFSET coalesce($limit, 500) - 1
), above AS MATERIALIZED (
    -- The rows listed whatever their names: above the cut's value, or
    -- stating one when the cut is blank (fewer than limit rows state one).
    -- Fewer than limit rows: the LIMIT drops none (see the header).
    SELECT v.* FROM v
    WHERE coalesce(v.value > (SELECT value FROM cut), (SELECT value FROM cut) IS NULL AND v.value IS NOT NULL)
    LIMIT coalesce($limit, 500)
), tied AS (
    -- The rows whose names decide: the cut's value, or blank when it is.
    SELECT v.* FROM v
    WHERE v.value = (SELECT value FROM cut) OR (v.value IS NULL AND (SELECT value FROM cut) IS NULL)
), few AS MATERIALIZED (
    -- The whole country: at most 16,384 tied rows are all joined to their names.
    SELECT * FROM tied WHERE $province IS NULL AND $city IS NULL AND $level IS NULL LIMIT 16385
), many AS MATERIALIZED (
    -- The whole country, more than 16,384 rows tied: how many, and how many of them are listed.
    SELECT count(*) AS tied,
           coalesce($limit, 500) - (SELECT count(*) FROM above) AS wanted,
           (SELECT max(name_rank) FROM store.agencies) AS ranks
    FROM v
    WHERE $province IS NULL AND $city IS NULL AND $level IS NULL
      AND (SELECT count(*) FROM few) > 16384
      AND (v.value = (SELECT value FROM cut) OR (v.value IS NULL AND (SELECT value FROM cut) IS NULL))
), early AS (
    -- The agencies first by name: as many ranks as hold twice the rows
    -- wanted at the tied rows' density among all ranks, and 64 more.
    SELECT a.agency_id, a.name_rank FROM store.agencies a
    WHERE $province IS NULL AND $city IS NULL AND $level IS NULL
      AND a.name_rank <= (SELECT ceil((2.0 * wanted + 64) * ranks / tied) FROM many WHERE tied > 0)
), candidates AS MATERIALIZED (
    SELECT t.report_id, t.agency_id, t.value, t.raw_id, t.at_id, e.name_rank
    FROM tied t JOIN early e USING (agency_id)
    WHERE $province IS NULL AND $city IS NULL AND $level IS NULL
), ranked AS MATERIALIZED (
    SELECT report_id, agency_id, value, raw_id, at_id, name_rank FROM candidates
    ORDER BY name_rank, report_id
    LIMIT coalesce($limit, 500)
), region_ranked AS MATERIALIZED (
    -- A region or level: every tied row carries its agency's rank (sel),
    -- so the first limit of them by rank come straight from v.
    SELECT t.report_id, t.agency_id, t.value, t.raw_id, t.at_id, t.name_rank FROM tied t
    WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL)
    ORDER BY t.name_rank, t.report_id
    LIMIT coalesce($limit, 500)
), top AS MATERIALIZED (
    SELECT * FROM above
    UNION ALL
    SELECT * FROM few WHERE (SELECT count(*) FROM few) <= 16384
    UNION ALL
    SELECT * FROM ranked
    UNION ALL
    SELECT * FROM region_ranked
), listed AS (
    SELECT j.agency_id, a.name AS agency, a.city, a.level, j.report_id, j.value, j.raw_id, j.at_id
    FROM top j JOIN store.agencies a USING (agency_id)
    ORDER BY j.value DESC NULLS LAST, a.name, j.agency_id, j.report_id
    LIMIT coalesce($limit, 500)
), words AS (
    SELECT text_id, text FROM store.texts
    WHERE text_id IN (SELECT raw_id FROM listed UNION ALL SELECT at_id FROM listed)
), named AS (
    -- The listed rows with their texts: a CTE so that the form that names
    -- them in Go (region_figure_by_agency_ids.sql) can replace it.
    SELECT l.agency_id, l.agency, l.city, l.level, l.report_id, l.value, raw.text AS raw, loc.text AS "at"
    FROM listed l
    LEFT JOIN words raw ON raw.text_id = l.raw_id
    LEFT JOIN words loc ON loc.text_id = l.at_id
), holds AS (
    -- Whether the tied rows listed are the first by name: few tied (the
    -- whole country), or every agency ranked and, for the whole country,
    -- enough tied rows among the first ranks.
    SELECT ((($province IS NULL AND $city IS NULL AND $level IS NULL) AND (SELECT count(*) FROM few) <= 16384)
            OR (NOT EXISTS (SELECT 1 FROM store.agencies u WHERE u.name_rank IS NULL)
                AND (NOT ($province IS NULL AND $city IS NULL AND $level IS NULL)
                     OR (SELECT count(*) FROM candidates) >= (SELECT wanted FROM many)))) AS ok
)
SELECT n.agency_id, n.agency, n.city, n.level, n.report_id, n.value, n.raw, n."at",
       (SELECT current FROM k) AS reports_total
FROM named n
-- The texts, the narrow choice and the tail are bound by warehouse.Query
-- for the named query and not read here: named only, as DuckDB refuses a
-- named parameter that the text does not use.
WHERE ($measure IS NULL OR $measure IS NOT NULL) AND ($applicant IS NULL OR $applicant IS NOT NULL)
  AND ($narrow IS NULL OR $narrow IS NOT NULL) AND ($tail IS NULL OR $tail IS NOT NULL)
  AND ((SELECT stated FROM k) >= coalesce($limit, 500) OR (SELECT reports FROM present) = (SELECT current FROM k))
  AND NOT EXISTS (SELECT 1 FROM store.reports r WHERE r.report_id > (SELECT watermark FROM store.figures_by_cell_state))
  AND (SELECT ok FROM holds)
ORDER BY n.value DESC NULLS LAST, n.agency, n.agency_id, n.report_id
