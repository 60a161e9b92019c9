-- name: region_figure
-- title: 地区汇总：一个数字的构成（按机构）
-- params: year_from, year_to, province, city, level, measure, applicant, limit
-- columns: agency_id, agency, city, level, report_id, value, raw, at, reports_total
-- The agencies behind one figure of the roll-up: every current report of
-- the year the region and level select, with what it states for the
-- measure and applicant (NULL when it leaves the cell blank or has no such
-- cell), largest first, blanks last; at most limit rows (default 500; a
-- province has thousands), reports_total counting them all.
WITH cur AS (
    SELECT report_id, agency_id, agency, city, level
    FROM current_reports($year_from, $year_to, $province, $city, $level, NULL)
), v AS (
    SELECT f.report_id, f.value, raw.text AS raw, loc.text AS "at"
    FROM store.figures f
    JOIN store.texts m ON m.text_id = f.measure_id AND m.text = $measure
    JOIN store.texts ap ON ap.text_id = f.applicant_id AND ap.text = coalesce($applicant, 'total')
    LEFT JOIN store.texts raw ON raw.text_id = f.raw_id
    LEFT JOIN store.texts loc ON loc.text_id = f.at_id
    WHERE f.report_id IN (SELECT report_id FROM cur)
)
SELECT cur.agency_id, cur.agency, cur.city, cur.level, cur.report_id, v.value, v.raw, v."at",
       count(*) OVER () AS reports_total
FROM cur LEFT JOIN v USING (report_id)
ORDER BY v.value DESC NULLS LAST, cur.agency, cur.agency_id, cur.report_id
LIMIT coalesce($limit, 500)
