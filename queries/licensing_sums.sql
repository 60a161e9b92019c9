-- name: licensing_sums
-- title: 行政许可（排名、趋势与层级分布一次读出）
-- params: year_from, year_to, province, city, level, agency, limit
-- columns: part, ord, level_level, level_agencies, level_decisions, level_whole, rank_agency_id, rank_agency, rank_level, rank_city, rank_reports, rank_decisions, trend_year, trend_agency_id, trend_agency, trend_report_id, trend_decisions
-- The three tables of 行政许可 from one reading of licensing_totals: the
-- page's licensing_ranking and licensing_trend under the filter, and
-- licensing_by_level under the filter without its level. Each part's rows
-- are those of its named query, in its order (ord), in columns of their
-- own (prefixed level_, rank_, trend_) so that each keeps its query's
-- type; the page splits them (dashboard/licensing.go). Run apart, the
-- three queries each planned the macro, read the ~170,000 kept totals and
-- matched a piece of a name against every kept name, and the ranking and
-- the trend each read store.agencies for their names: at 1M reports the
-- page's slowest tenth (a piece of a name) spent most of its CPU there.
-- level_whole is false when a level's sum might depend on the order of
-- its terms (a term not a whole number, or a sum of magnitudes of 2^53 or
-- more); the page then runs the three named queries instead.
-- Measured without gain at 1M reports (TestScaleVariants, kept statements,
-- interleaved, /licensing's 109 filters, rows equal, session 38): the cut
-- as an equality semi-join on the top rows' values (every row at or above
-- the limit-th largest holds one of them) instead of the comparison with
-- the scalar subquery, 33.1 -> 32.2 ms of CPU a query (100k: 15.7 ->
-- 15.8); that and the levels grouped on the raw level first, then merged
-- into 未注明, 33.1 -> 36.4.
WITH t AS MATERIALIZED (
    SELECT t.agency_id, t.licensing_reports AS reports, t.licensing_decisions, t.level
    FROM licensing_totals($year_from, $year_to) t
    WHERE (t.licensing_reports > 0 OR t.licensing_decisions > 0)
      AND ($province IS NULL OR t.province = $province)
      AND ($city IS NULL OR t.city = $city)
      AND ($agency IS NULL OR contains(t.name, $agency))
), lv AS (
    SELECT coalesce(nullif(t.level, ''), '未注明') AS level,
           count(*) AS agencies,
           coalesce(sum(t.licensing_decisions), 0) AS licensing_decisions,
           bool_and(t.licensing_decisions = trunc(t.licensing_decisions))
             AND sum(abs(t.licensing_decisions)) < 9007199254740992 AS whole
    FROM t
    WHERE t.reports > 0
    GROUP BY 1
), cut AS (
    SELECT min(licensing_decisions) AS v
    FROM (SELECT t.licensing_decisions FROM t
          WHERE t.licensing_decisions > 0 AND ($level IS NULL OR t.level = $level)
          ORDER BY t.licensing_decisions DESC LIMIT coalesce($limit, 20))
), rk AS (
    SELECT t.agency_id, t.reports, t.licensing_decisions
    FROM t
    WHERE t.licensing_decisions > 0 AND ($level IS NULL OR t.level = $level)
      AND t.licensing_decisions >= (SELECT v FROM cut)
), tr AS (
    SELECT t.agency_id
    FROM t
    WHERE t.reports > 0 AND ($level IS NULL OR t.level = $level)
    ORDER BY t.licensing_decisions DESC, t.agency_id LIMIT 8
), named AS (
    SELECT a.agency_id, a.name, a.level, a.city
    FROM store.agencies a
    WHERE a.agency_id IN (SELECT rk.agency_id FROM rk UNION ALL SELECT tr.agency_id FROM tr)
), ranking AS (
    SELECT rk.agency_id, a.name AS agency, a.level, a.city, rk.reports, rk.licensing_decisions,
           row_number() OVER (ORDER BY rk.licensing_decisions DESC, a.name, rk.agency_id) AS ord
    FROM rk JOIN named a ON a.agency_id = rk.agency_id
    QUALIFY ord <= coalesce($limit, 20)
), trend AS (
    SELECT s.year, s.agency_id, a.name AS agency, s.report_id,
           coalesce(s.licensing_decisions, 0) AS licensing_decisions,
           row_number() OVER (ORDER BY s.agency_id, s.year, s.report_id) AS ord
    FROM store.report_summary s
    JOIN tr ON tr.agency_id = s.agency_id
    JOIN named a ON a.agency_id = tr.agency_id
    WHERE s.is_current AND s.licensing_stated
      AND ($year_from IS NULL OR s.year >= $year_from)
      AND ($year_to IS NULL OR s.year <= $year_to)
)
SELECT 'level' AS part, row_number() OVER (ORDER BY lv.licensing_decisions DESC, lv.level) AS ord,
       lv.level AS level_level, lv.agencies AS level_agencies, lv.licensing_decisions AS level_decisions, lv.whole AS level_whole,
       NULL AS rank_agency_id, NULL AS rank_agency, NULL AS rank_level, NULL AS rank_city, NULL AS rank_reports, NULL AS rank_decisions,
       NULL AS trend_year, NULL AS trend_agency_id, NULL AS trend_agency, NULL AS trend_report_id, NULL AS trend_decisions
FROM lv
UNION ALL
SELECT 'ranking', r.ord, NULL, NULL, NULL, NULL,
       r.agency_id, r.agency, r.level, r.city, r.reports, r.licensing_decisions,
       NULL, NULL, NULL, NULL, NULL
FROM ranking r
UNION ALL
SELECT 'trend', d.ord, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL, NULL,
       d.year, d.agency_id, d.agency, d.report_id, d.licensing_decisions
FROM trend d
ORDER BY part, ord
