-- 0124_finding_reports_agency: store.finding_reports (0114) keeps, beside
-- each current report that holds a finding, its agency's name (agency,
-- stored uncompressed as store.agencies.name is, 0078), province, city
-- and level, as store.agencies holds them, so that 报送与质量's list of
-- findings (warehouse/sql/quality_findings_reports.sql, the form for a
-- filter without a piece of a name or a report) selects and orders the
-- page's reports from these rows alone. Before, the reports of the page's
-- groups were joined to the agencies the filters select for their names:
-- at 1M reports DuckDB probed that join with every selected agency (up to
-- ~170,000 names for the whole country) to name the few thousand reports
-- of a year's errors, and with a level it built the join on the reports
-- and ran the form on store.reports instead (warehouse/quality_findings.go).
--
-- Exact, never a guess: the rows are written in the transaction that
-- writes the agency's status row (refreshStatus, warehouse/status.go),
-- after the plan's writes (a region a report states for its agency among
-- them), with the agency as it then stands; an administrator's correction
-- of an agency's region (DB.SetAgencyRegionAudited) writes the agency's
-- rows again in its own transaction; names never change. The rebuild of
-- store.agency_status writes them afresh, and Open's check
-- (agency_status_stale) holds every row, these columns included, to the
-- current reports joined to their agencies: a row or an agency's region
-- set by hand rebuilds it, and a read-only open refuses such a file.
--
-- The table is built again (DuckDB has no ALTER for a column's compression
-- and refuses to drop a column updated in the same transaction, 0078), its
-- rows in the order of report as the writer's rebuild writes them.
--
-- Cost on an existing warehouse: the ~350,000 rows (1M reports) copied with
-- their agencies' names and regions, measured in the commit.

CREATE TABLE store.finding_reports_0124 (
    report_id BIGINT NOT NULL,
    agency_id BIGINT NOT NULL,
    year INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    agency VARCHAR NOT NULL USING COMPRESSION uncompressed,
    province VARCHAR,
    city VARCHAR,
    level VARCHAR
);
INSERT INTO store.finding_reports_0124
SELECT f.report_id, f.agency_id, f.year, f.errors, f.warnings, a.name, a.province, a.city, a.level
FROM store.finding_reports f
JOIN store.agencies a USING (agency_id)
ORDER BY f.report_id;
DROP TABLE store.finding_reports;
ALTER TABLE store.finding_reports_0124 RENAME TO finding_reports;
