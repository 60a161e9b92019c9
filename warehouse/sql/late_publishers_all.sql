-- late_publishers_all: every row late_publishers lists for some filter
-- (the current reports with a deadline finding, with their agency's name,
-- region and level and the finding's message), in its order, for its form
-- computed in Go (warehouse.latePublishersKept): kept until the next
-- write, and cut there by each filter's years, region, level and piece of
-- a name, which keeps the order. seq last: a report with two deadline
-- findings lists both, in an order the named query leaves open. At 1M
-- reports 1,375 rows.
SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.level, r.year, r.published, f.message,
       f.seq
FROM store.findings f
JOIN store.reports r ON r.report_id = f.report_id
JOIN store.agencies a ON a.agency_id = r.agency_id
WHERE f.rule = 'deadline' AND r.is_current
ORDER BY r.year DESC, r.published DESC, a.name, r.report_id, f.seq
LIMIT $1
