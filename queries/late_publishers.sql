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
-- The deadline findings are read first, without their text, with their
-- current reports (a hash join built on the findings, which are fewer:
-- the scan of the reports stops at once when there are none), and only
-- those are then joined to the agencies the filters select; the messages
-- are read for the page's rows only. Before, the million current reports
-- were joined to their agencies first and then to the findings (most of
-- the query's 30-90 ms at 1M reports, with not one deadline finding).
-- The agencies are read only when some deadline finding is: with none, the
-- EXISTS stops their scan at its first rows. The join below builds its hash
-- on the side DuckDB estimates smaller, and with a city that is the
-- agencies, which it then scanned and hashed whole for an empty join (at
-- 1M demo reports, with no deadline finding, 11.7 -> 6.2 ms of CPU with a
-- city; unchanged with 200,040 deadline findings).
-- Measured without gain (session 37, 1M reports, the bench's 44 /quality
-- filters with later pages, kept statements, interleaved, rows equal): the
-- first offset + limit late reports cut by rank over (year, published)
-- before the agencies' names are joined, so that only theirs are read
-- (the whole country's profile spends ~8 of ~15 ms scanning the agencies'
-- names and places): 10.3 / 9.9 -> 13.8 / 13.3 ms of CPU a query.
-- Measured without gain (session 38, 1M reports, the bench's 108 /quality
-- filters with later pages, kept statements, interleaved in one hold, rows
-- equal): the late reports' agencies' names, regions and levels read from
-- store.finding_reports (0124: every current report with a finding keeps
-- them, and a late report has a deadline warning) by report instead of
-- joined to the agencies the filters select: 10.7 -> 11.7 ms of CPU a
-- query (the whole country 11.4 -> 12.2).
-- warehouse.Query cuts these rows in Go (warehouse/late_publishers.go,
-- latePublishersKept) from every row this query lists for some filter, in
-- its order (sql/late_publishers_all.sql: the current reports with a
-- deadline finding, 1,375 at 1M reports), read once a generation and kept
-- until the next write; past 20,000 such rows this query runs. Any change
-- here is made there too; TestLatePublishersKept holds the two to the same
-- rows after every kind of write, and TestScaleQuality
-- -scale-quality-check at scale.
WITH late AS MATERIALIZED (
    SELECT r.report_id, f.seq, r.agency_id, r.year, r.published
    FROM store.findings f
    JOIN store.reports r ON r.report_id = f.report_id
    WHERE f.rule = 'deadline'
      AND r.is_current AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
), page AS (
    SELECT l.report_id, l.seq, l.agency_id, a.agency, a.province, a.city, a.level, l.year, l.published,
           count(*) OVER () AS late_total
    FROM late l
    JOIN (SELECT s.* FROM selected_agencies($province, $city, $level, $agency) s WHERE EXISTS (SELECT 1 FROM late)) a
      ON a.agency_id = l.agency_id
    ORDER BY l.year DESC, l.published DESC, a.agency, l.report_id
    LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
)
SELECT p.report_id, p.agency_id, p.agency, p.province, p.city, p.level, p.year, p.published, f.message, p.late_total
FROM page p
JOIN store.findings f ON f.report_id = p.report_id AND f.seq = p.seq
ORDER BY p.year DESC, p.published DESC, p.agency, p.report_id
