-- name: proactive_by_agency
-- title: 主动公开政府信息条数（按机构，前二十位）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, reports, proactive_items
-- The agencies that proactively published the most items over the selected
-- years (the narrative figure of 一、总体情况, summed); reports counts the
-- reports that state it. Agencies that state none are left out.
-- Reads proactive_totals (migration 0044: per agency, the kept running
-- totals by year where they are exact and current, else the sums of its
-- current summary rows), so that no request sums a million summary rows.
-- With a region, level or name the selected agencies are joined to the
-- sums (as licensing_ranking: not a semi-join of their ids, whose hash
-- table DuckDB built on all the sums); without one every agency is kept
-- (two forms guarded by the filters alone, which DuckDB folds, as
-- selected_summary); a piece of a name is matched once. Names are joined
-- only to the agencies whose sum reaches the limit-th largest (cut): ties
-- at the cut are ordered by name, so all of them are named.
-- The kept totals are not materialized before the join (they were): DuckDB
-- then built the join's hash table on all ~170,000 materialized totals
-- whatever the few agencies a region, level or name selects, and wrote
-- them aside once more; unmaterialized, the filters fold one branch away
-- and the join builds on the selected agencies (1M reports, mean CPU per
-- query over the pages' random filters 19.0 -> 17.1 ms).
WITH k AS (
    SELECT agency_id, proactive_reports AS reports, proactive_items
    FROM proactive_totals($year_from, $year_to)
    WHERE proactive_reports > 0
), sums AS MATERIALIZED (
    SELECT k.* FROM k
    WHERE $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
    UNION ALL
    SELECT k.* FROM selected_agencies($province, $city, $level, $agency) g
    JOIN k ON k.agency_id = g.agency_id
    WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
), cut AS (
    SELECT min(proactive_items) AS v
    FROM (SELECT proactive_items FROM sums ORDER BY proactive_items DESC LIMIT coalesce($limit, 20))
)
SELECT s.agency_id, a.name AS agency, s.reports, s.proactive_items
FROM sums s JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.proactive_items >= (SELECT v FROM cut)
ORDER BY s.proactive_items DESC, a.name, s.agency_id
LIMIT coalesce($limit, 20)
