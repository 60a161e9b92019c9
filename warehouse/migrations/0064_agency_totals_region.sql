-- 0064_agency_totals_region: store.agency_totals (0044) keeps each agency's
-- province, city and level beside its running totals, and the ranking
-- macros (licensing_totals, proactive_totals, application_totals) return
-- them, so that a ranking filtered by region or level reads the kept rows
-- alone instead of joining ~170,000 totals to the agencies the filters
-- select (selected_agencies): at 1M reports the join and a second expansion
-- of the macro (one per branch of the filtered and unfiltered forms) were
-- about a third of licensing_ranking's CPU.
--
-- Exact, never a guess: the region is read from the table only for the
-- rows the macros already read from it (exact, and the agency not in
-- store.agency_totals_changed). Every change of an agency's region notes
-- the agency there in the same transaction: a load that moves an agency
-- with its report's region writes a report of that agency (noted, as
-- before), and an administrator's correction (SetAgencyRegion) notes it
-- too. A region edited by hand in store.agencies is found at Open
-- (agency_totals_stale compares the kept regions with store.agencies), and
-- the table is then built again; a read-only open refuses such a file. The
-- rows of the changed and inexact agencies take their region from
-- store.agencies, as before.
--
-- The year columns are picked by COLUMNS with a pattern made of the bound
-- years (an integer: only digits), instead of four CASEs of 32 branches,
-- which DuckDB bound in full before folding them (~1 ms of planning per
-- expansion at any size). The years are cast to BIGINT so that nothing but
-- a number ever reaches the pattern. A bound outside the window reads the
-- window's first or last column, as 0044's ELSE branches did.
--
-- Cost on an existing warehouse: three columns added and filled from
-- store.agencies (~170,000 rows at 1M reports, measured in the commit).

ALTER TABLE store.agency_totals ADD COLUMN province VARCHAR;
ALTER TABLE store.agency_totals ADD COLUMN city VARCHAR;
ALTER TABLE store.agency_totals ADD COLUMN level VARCHAR;
UPDATE store.agency_totals t SET province = a.province, city = a.city, level = a.level
FROM store.agencies a WHERE a.agency_id = t.agency_id;

-- The rankings' sums per agency over the years from year_from to year_to
-- (either NULL for open), with the agency's province, city and level: as
-- 0044's macros, one per ranking so that a query binds the columns it reads
-- and no more.

-- licensing_totals: licensing_reports counts the reports stating licensing
-- decisions (licensing_stated), licensing_decisions sums them.
CREATE OR REPLACE MACRO licensing_totals(year_from, year_to) AS TABLE
SELECT k.agency_id,
       ((CASE WHEN year_to::BIGINT < 2008 THEN 0 ELSE k.nh END)
        - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.nl END))::BIGINT AS licensing_reports,
       ((CASE WHEN year_to::BIGINT < 2008 THEN 0 ELSE k.vh END)
        - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.vl END))::DOUBLE AS licensing_decisions,
       k.province, k.city, k.level
FROM (
    SELECT t.agency_id, t.province, t.city, t.level,
           COLUMNS('^licensing_reports_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^licensing_reports_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$'),
           COLUMNS('^licensing_decisions_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^licensing_decisions_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$')
    FROM store.agency_totals t
    WHERE t.exact
      AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
      AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
) k(agency_id, province, city, level, nh, nl, vh, vl)
UNION ALL
SELECT s.agency_id, count(*) FILTER (WHERE s.licensing_stated) AS licensing_reports,
       coalesce(sum(s.licensing_decisions) FILTER (WHERE s.licensing_stated), 0) AS licensing_decisions,
       any_value(a.province) AS province, any_value(a.city) AS city, any_value(a.level) AS level
FROM store.report_summary s
JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c
                      UNION ALL
                      SELECT t.agency_id FROM store.agency_totals t WHERE NOT t.exact)
GROUP BY s.agency_id;

-- proactive_totals: proactive_reports counts the reports stating
-- proactive_items, proactive_items sums them.
CREATE OR REPLACE MACRO proactive_totals(year_from, year_to) AS TABLE
SELECT k.agency_id,
       ((CASE WHEN year_to::BIGINT < 2008 THEN 0 ELSE k.nh END)
        - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.nl END))::BIGINT AS proactive_reports,
       ((CASE WHEN year_to::BIGINT < 2008 THEN 0 ELSE k.vh END)
        - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.vl END))::DOUBLE AS proactive_items,
       k.province, k.city, k.level
FROM (
    SELECT t.agency_id, t.province, t.city, t.level,
           COLUMNS('^proactive_reports_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^proactive_reports_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$'),
           COLUMNS('^proactive_items_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^proactive_items_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$')
    FROM store.agency_totals t
    WHERE t.exact
      AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
      AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
) k(agency_id, province, city, level, nh, nl, vh, vl)
UNION ALL
SELECT s.agency_id, count(s.proactive_items) AS proactive_reports,
       coalesce(sum(s.proactive_items), 0) AS proactive_items,
       any_value(a.province) AS province, any_value(a.city) AS city, any_value(a.level) AS level
FROM store.report_summary s
JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c
                      UNION ALL
                      SELECT t.agency_id FROM store.agency_totals t WHERE NOT t.exact)
GROUP BY s.agency_id;

-- application_totals: apps_reports counts the reports with an apps.* cell
-- (apps_stated), apps_total sums their 办理总计.
CREATE OR REPLACE MACRO application_totals(year_from, year_to) AS TABLE
SELECT k.agency_id,
       ((CASE WHEN year_to::BIGINT < 2008 THEN 0 ELSE k.nh END)
        - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.nl END))::BIGINT AS apps_reports,
       ((CASE WHEN year_to::BIGINT < 2008 THEN 0 ELSE k.vh END)
        - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.vl END))::DOUBLE AS apps_total,
       k.province, k.city, k.level
FROM (
    SELECT t.agency_id, t.province, t.city, t.level,
           COLUMNS('^apps_reports_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^apps_reports_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$'),
           COLUMNS('^apps_total_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^apps_total_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$')
    FROM store.agency_totals t
    WHERE t.exact
      AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
      AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
) k(agency_id, province, city, level, nh, nl, vh, vl)
UNION ALL
SELECT s.agency_id, count(*) FILTER (WHERE s.apps_stated) AS apps_reports,
       coalesce(sum(s.apps_total) FILTER (WHERE s.apps_stated), 0) AS apps_total,
       any_value(a.province) AS province, any_value(a.city) AS city, any_value(a.level) AS level
FROM store.report_summary s
JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c
                      UNION ALL
                      SELECT t.agency_id FROM store.agency_totals t WHERE NOT t.exact)
GROUP BY s.agency_id;
