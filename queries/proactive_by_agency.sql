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
-- The region, level and a piece of a name are filtered on the totals' own
-- columns (0064, 0066), as licensing_ranking: no join of the ~170,000
-- totals to the selected agencies, and one expansion of the macro. Names are joined only to the
-- agencies whose sum reaches the limit-th largest (cut): ties at the cut
-- are ordered by name, so all of them are named.
WITH sums AS MATERIALIZED (
    SELECT t.agency_id, t.proactive_reports AS reports, t.proactive_items
    FROM proactive_totals($year_from, $year_to) t
    WHERE t.proactive_reports > 0
      AND ($province IS NULL OR t.province = $province)
      AND ($city IS NULL OR t.city = $city)
      AND ($level IS NULL OR t.level = $level)
      AND ($agency IS NULL OR contains(t.name, $agency))
), cut AS (
    SELECT min(proactive_items) AS v
    FROM (SELECT proactive_items FROM sums ORDER BY proactive_items DESC LIMIT coalesce($limit, 20))
)
SELECT s.agency_id, a.name AS agency, s.reports, s.proactive_items
FROM sums s JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.proactive_items >= (SELECT v FROM cut)
ORDER BY s.proactive_items DESC, a.name, s.agency_id
LIMIT coalesce($limit, 20)
