-- name: licensing_ranking
-- title: 行政许可决定数量排名
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: agency_id, agency, level, city, reports, licensing_decisions
-- Agencies ranked by the licensing decisions they report over the selected
-- years (the dashboard selects one year); ties by name so the order is stable.
-- reports counts the reports that state the figure. Agencies that report no
-- licensing decision are left out: a ranking of zeros says nothing.
-- Reads licensing_totals (migration 0044: per agency, the kept running
-- totals by year where they are exact and current, else the sums of its
-- current summary rows), so that no request sums a million summary rows
-- (41-45 ms of CPU at 1M reports). The region, level and a piece of a
-- name are filtered on the totals' own columns (0064, 0066: kept with the
-- totals, or the agency's for those summed apart): no join of the
-- ~170,000 totals to the selected agencies, and one expansion of the
-- macro. Matching the ids selected_agencies gave (0064) built a hash
-- table of every kept total at each request with a name: 44-47 ms of CPU
-- at 1M reports against 28 for contains on the kept names. Names are
-- joined only to the agencies whose sum reaches the limit-th largest
-- (cut): ties at the cut are ordered by name, so all of them are named.
WITH sums AS MATERIALIZED (
    SELECT t.agency_id, t.licensing_reports AS reports, t.licensing_decisions
    FROM licensing_totals($year_from, $year_to) t
    WHERE t.licensing_decisions > 0
      AND ($province IS NULL OR t.province = $province)
      AND ($city IS NULL OR t.city = $city)
      AND ($level IS NULL OR t.level = $level)
      AND ($agency IS NULL OR contains(t.name, $agency))
), cut AS (
    SELECT min(licensing_decisions) AS v
    FROM (SELECT licensing_decisions FROM sums ORDER BY licensing_decisions DESC LIMIT coalesce($limit, 20))
)
SELECT s.agency_id, a.name AS agency, a.level, a.city, s.reports, s.licensing_decisions
FROM sums s JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.licensing_decisions >= (SELECT v FROM cut)
ORDER BY s.licensing_decisions DESC, a.name, s.agency_id
LIMIT coalesce($limit, 20)
