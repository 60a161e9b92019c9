-- 0114_finding_reports: store.finding_reports keeps the current reports
-- that hold a finding (errors > 0 or warnings > 0): report_id, agency_id,
-- year and the two counts, the columns 报送与质量's list of findings
-- (queries/quality_findings.sql) reads of them. Its forms chosen in Go for
-- a filter without a level or a report (warehouse/quality_findings.go)
-- read the reports of the page's groups, and with a piece of a name their
-- counts per year, from these ~350,000 rows at 1M reports (35 % of the
-- current reports; 28,000 with errors) instead of the million current
-- reports: reports without a finding add nothing to either count and hold
-- no finding to list.
--
-- Exact, never a guess: the rows are written in the transaction that
-- writes the agency's status row (refreshStatus, warehouse/status.go), for
-- the same agencies (a report written, retired, confirmed or recounted by
-- a rule across reports, an agency moved), from their current reports as
-- they then stand; by the rebuild of store.agency_status; and held to
-- their definition by Open's check (agency_status_stale): a row set by
-- hand, or a report repaired by hand, rebuilds it, and a read-only open
-- refuses such a file. Every year is kept, not only 1990-2100 as the bit
-- sets: the named query counts every current report.
--
-- Cost on an existing warehouse: one pass over the current reports
-- (~0.2 s of CPU at 1M reports), ~5 MB.

CREATE TABLE store.finding_reports (
    report_id BIGINT NOT NULL,
    agency_id BIGINT NOT NULL,
    year INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL
);
INSERT INTO store.finding_reports
SELECT report_id, agency_id, year, errors, warnings
FROM store.reports
WHERE is_current AND (errors > 0 OR warnings > 0)
ORDER BY report_id;
