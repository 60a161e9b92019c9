-- quality_findings_page: the end of every form of quality_findings
-- (queries/quality_findings.sql and sql/quality_findings_*.sql) in place of
-- its final SELECT, which reads the page's reports' findings: the page's
-- reports alone, in the page's order, with where each one's findings start
-- in the whole list (first) and how many of its kind it holds (n).
-- warehouse.Query (qualityFindingsPaged) then reads their findings with
-- sql/quality_findings_read.sql in the same transaction and puts the page
-- together in Go: the final SELECT's join pushed the page's report ids into
-- the scan of store.findings as a join filter, which pruned nothing (the
-- page's reports, sorted by name, are spread over the whole table) and cost
-- 10-60 ms of CPU at 1M reports (DuckDB's profile of a page with a piece of
-- a name; ~15 ms for the whole country).
SELECT p.report_id, p.agency_id, p.agency, p.year, p.is_error, p.n, p.first, p.total AS findings_total
FROM page p
ORDER BY p.year DESC, p.is_error DESC, p.agency, p.report_id
