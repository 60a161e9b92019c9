-- 0037_selected_summary: the rows of store.report_summary of the current
-- reports the filters select, without their agency's names and region
-- (documented in docs/schema.md). The per-agency rankings (licensing_*,
-- proactive_by_agency, applications_by_agency) sum these rows per agency
-- and join the selected agencies, with their names, to the sums.
--
-- Two forms, each guarded by the filter arguments alone, which DuckDB folds
-- to a constant when it plans a query with them as parameters: it plans one
-- form and leaves the other empty. With no region, level or name every
-- current report is read (the join of the sums to the agencies selects
-- them all); with one, the reports are semi-joined to the selected
-- agencies' ids before any sum, so a city or a name piece does not cost as
-- much as the whole country (15-20 ms at 1M reports). One form with
-- `agency IS NULL OR agency_id IN (…)` keeps the semi-join even with no
-- filter (48 -> 71 ms CPU at 1M). An agency's reports all share its name,
-- level and region, so either form selects the same reports.
CREATE MACRO selected_summary(year_from, year_to, province, city, level, agency) AS TABLE
SELECT s.*
FROM store.report_summary s
WHERE province IS NULL AND city IS NULL AND level IS NULL AND agency IS NULL
  AND s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
UNION ALL
SELECT s.*
FROM store.report_summary s
WHERE NOT (province IS NULL AND city IS NULL AND level IS NULL AND agency IS NULL)
  AND s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT g.agency_id FROM selected_agencies(province, city, level, agency) g);
