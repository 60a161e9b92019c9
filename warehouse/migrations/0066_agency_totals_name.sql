-- 0066_agency_totals_name: store.agency_totals (0044) also keeps each
-- agency's name beside its region (0064), and the ranking macros
-- (licensing_totals, proactive_totals, application_totals) return it, so
-- that a piece of a name is matched on the kept rows themselves
-- (contains(t.name, piece)) instead of semi-joining the ~170,000 totals to
-- the ids selected_agencies matches. At 1M reports that hash join, built
-- on every kept row at each request with a piece, cost each of
-- /licensing's three queries (and proactive_by_agency,
-- applications_by_agency) more than the match itself: with a piece 38-47
-- ms of CPU a query, 22-29 ms with the kept names (13-15 ms without one).
--
-- Exact, never a guess: the name is read from the table only for the rows
-- the macros already read from it (exact, and the agency not in
-- store.agency_totals_changed). No writer changes an agency's name: a
-- report names its agency, and another name is another agency. A name
-- edited by hand in store.agencies is found at Open (agency_totals_stale
-- compares the kept names with store.agencies, as the regions), and the
-- table is then built again; a read-only open refuses such a file. The
-- rows of the changed and inexact agencies take their name from
-- store.agencies, as their region.
--
-- Cost on an existing warehouse: one column added and filled from
-- store.agencies (~170,000 rows at 1M reports, measured in the commit).

ALTER TABLE store.agency_totals ADD COLUMN name VARCHAR;
UPDATE store.agency_totals t SET name = a.name
FROM store.agencies a WHERE a.agency_id = t.agency_id;

-- The rankings' sums per agency over the years from year_from to year_to
-- (either NULL for open), with the agency's province, city, level and
-- name: 0064's macros with the name.

-- licensing_totals: licensing_reports counts the reports stating licensing
-- decisions (licensing_stated), licensing_decisions sums them.
CREATE OR REPLACE MACRO licensing_totals(year_from, year_to) AS TABLE
SELECT k.agency_id,
       ((CASE WHEN year_to::BIGINT < 2008 THEN 0 ELSE k.nh END)
        - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.nl END))::BIGINT AS licensing_reports,
       ((CASE WHEN year_to::BIGINT < 2008 THEN 0 ELSE k.vh END)
        - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.vl END))::DOUBLE AS licensing_decisions,
       k.province, k.city, k.level, k.name
FROM (
    SELECT t.agency_id, t.province, t.city, t.level, t.name,
           COLUMNS('^licensing_reports_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^licensing_reports_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$'),
           COLUMNS('^licensing_decisions_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^licensing_decisions_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$')
    FROM store.agency_totals t
    WHERE t.exact
      AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
      AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
) k(agency_id, province, city, level, name, nh, nl, vh, vl)
UNION ALL
SELECT s.agency_id, count(*) FILTER (WHERE s.licensing_stated) AS licensing_reports,
       coalesce(sum(s.licensing_decisions) FILTER (WHERE s.licensing_stated), 0) AS licensing_decisions,
       any_value(a.province) AS province, any_value(a.city) AS city, any_value(a.level) AS level,
       any_value(a.name) AS name
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
       k.province, k.city, k.level, k.name
FROM (
    SELECT t.agency_id, t.province, t.city, t.level, t.name,
           COLUMNS('^proactive_reports_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^proactive_reports_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$'),
           COLUMNS('^proactive_items_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^proactive_items_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$')
    FROM store.agency_totals t
    WHERE t.exact
      AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
      AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
) k(agency_id, province, city, level, name, nh, nl, vh, vl)
UNION ALL
SELECT s.agency_id, count(s.proactive_items) AS proactive_reports,
       coalesce(sum(s.proactive_items), 0) AS proactive_items,
       any_value(a.province) AS province, any_value(a.city) AS city, any_value(a.level) AS level,
       any_value(a.name) AS name
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
       k.province, k.city, k.level, k.name
FROM (
    SELECT t.agency_id, t.province, t.city, t.level, t.name,
           COLUMNS('^apps_reports_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^apps_reports_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$'),
           COLUMNS('^apps_total_' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^apps_total_' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$')
    FROM store.agency_totals t
    WHERE t.exact
      AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
      AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
) k(agency_id, province, city, level, name, nh, nl, vh, vl)
UNION ALL
SELECT s.agency_id, count(*) FILTER (WHERE s.apps_stated) AS apps_reports,
       coalesce(sum(s.apps_total) FILTER (WHERE s.apps_stated), 0) AS apps_total,
       any_value(a.province) AS province, any_value(a.city) AS city, any_value(a.level) AS level,
       any_value(a.name) AS name
FROM store.report_summary s
JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c
                      UNION ALL
                      SELECT t.agency_id FROM store.agency_totals t WHERE NOT t.exact)
GROUP BY s.agency_id;
