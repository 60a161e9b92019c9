-- name: region_figure
-- title: 地区汇总：一个数字的构成（按机构）
-- params: year_from, year_to, province, city, level, measure, applicant, limit
-- columns: agency_id, agency, city, level, report_id, value, raw, at, reports_total
-- The agencies behind one figure of the roll-up: every current report of
-- the year the region and level select, with what it states for the
-- measure and applicant (NULL when it leaves the cell blank or has no such
-- cell), largest first, blanks last; at most limit rows (default 500; a
-- province has thousands), reports_total counting them all.
--
-- The cell's figures are read from the copy by cell (store.figures_by_cell,
-- migration 0032) for the reports up to its watermark, and from
-- store.figures for those after it, by the cell's ids alone: DuckDB turns
-- the ids and the watermark into filters of the scans, so the zone maps
-- skip every row group of the copy but the cell's, and every row group of
-- store.figures (in load order, report ids ascending) before the watermark.
-- The printed text and place are looked up for the listed rows only. At 1M
-- reports, random filters: p50/p95 788/1,450 ms for the first form
-- (testdata/before, a scan of every figure), 102/202 ms so.
WITH cur AS (
    SELECT report_id, agency_id, agency, city, level
    FROM current_reports($year_from, $year_to, $province, $city, $level, NULL)
), v AS (
    SELECT c.report_id, c.value, c.raw_id, c.at_id
    FROM store.figures_by_cell c
    WHERE c.measure_id IN (SELECT text_id FROM store.texts WHERE text = $measure)
      AND c.applicant_id IN (SELECT text_id FROM store.texts WHERE text = coalesce($applicant, 'total'))
      AND c.report_id <= (SELECT watermark FROM store.figures_by_cell_state)
    UNION ALL
    SELECT f.report_id, f.value, f.raw_id, f.at_id
    FROM store.figures f
    WHERE f.measure_id IN (SELECT text_id FROM store.texts WHERE text = $measure)
      AND f.applicant_id IN (SELECT text_id FROM store.texts WHERE text = coalesce($applicant, 'total'))
      AND f.report_id > (SELECT watermark FROM store.figures_by_cell_state)
), listed AS (
    SELECT cur.agency_id, cur.agency, cur.city, cur.level, cur.report_id, v.value, v.raw_id, v.at_id,
           count(*) OVER () AS reports_total
    FROM cur LEFT JOIN v USING (report_id)
    ORDER BY v.value DESC NULLS LAST, cur.agency, cur.agency_id, cur.report_id
    LIMIT coalesce($limit, 500)
)
SELECT l.agency_id, l.agency, l.city, l.level, l.report_id, l.value, raw.text AS raw, loc.text AS "at",
       l.reports_total
FROM listed l
LEFT JOIN store.texts raw ON raw.text_id = l.raw_id
LEFT JOIN store.texts loc ON loc.text_id = l.at_id
ORDER BY l.value DESC NULLS LAST, l.agency, l.agency_id, l.report_id
