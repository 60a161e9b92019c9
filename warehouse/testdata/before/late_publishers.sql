-- name: late_publishers
-- title: 逾期发布的报告
-- params: year_from, year_to, province, city, level, agency, limit, offset
-- columns: report_id, agency_id, agency, province, city, level, year, published, message, late_total
-- Current reports published after their deadline: the warnings of rule
-- deadline, which ingest attaches when a report states its publication date
-- (条例第四十九条: departments of 县级以上人民政府 by 1月31日, the 县级以上人民政府
-- by 3月31日 of the next year; where the organ's kind is not sure, 3月31日).
-- message says the deadline and how many days late. Latest years first, then
-- the latest publications; late_total counts all the filter selects, for paging.
SELECT c.report_id, c.agency_id, c.agency, c.province, c.city, c.level, c.year, c.published, f.message,
       count(*) OVER () AS late_total
FROM current_reports($year_from, $year_to, $province, $city, $level, $agency) c
JOIN store.findings f ON f.report_id = c.report_id AND f.rule = 'deadline'
ORDER BY c.year DESC, c.published DESC, c.agency, c.report_id
LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
