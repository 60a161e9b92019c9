-- name: licensing_by_level
-- title: 行政许可决定数量按层级分布
-- params: year_from, year_to, province, city, level, agency
-- columns: level, agencies, licensing_decisions
-- Licensing decisions summed per administrative level; an unknown level shows as 未注明.
-- agencies counts the agencies with a current report in the selected years
-- that has the figure's cell (licensing_stated, blank or not).
-- Reads licensing_totals (migration 0044: per agency, the kept running
-- totals by year where they are exact and current, else the sums of its
-- current summary rows): an agency is counted when licensing_reports > 0.
-- Summing a million summary rows per agency on every request cost ~40 ms
-- of CPU at 1M reports; the totals are one row per agency, joined to the
-- agencies the filters select for their level (not materialized first:
-- writing the 170,000 rows of totals aside cost more than the join).
SELECT coalesce(nullif(a.level, ''), '未注明') AS level,
       count(*) AS agencies,
       coalesce(sum(t.licensing_decisions), 0) AS licensing_decisions
FROM licensing_totals($year_from, $year_to) t
JOIN selected_agencies($province, $city, $level, $agency) a ON a.agency_id = t.agency_id
WHERE t.licensing_reports > 0
GROUP BY 1
ORDER BY licensing_decisions DESC, level
