-- 0122_year_reports: store.year_reports keeps the current reports by year:
-- year, agency_id, report_id and the format and errors 地区汇总's list of
-- reported agencies shows, one row per current report of every year,
-- written in the order of year, agency and report. store.reports holds the
-- reports in the order they were loaded, and a load of many years (the
-- demo's, a backfill) mixes the years in every row group: a query of one
-- year then reads all of them (1M reports at 1M, ~10 ms of CPU for
-- region_agencies' listed reports, the whole country or a province). Here
-- a year's reports share a row group or two, and DuckDB's zone maps skip
-- the others.
--
-- Exact, never a guess: the rows are written in the transaction that
-- writes the agency's status row (refreshStatus, warehouse/status.go), for
-- the same agencies (a report written, retired, confirmed or recounted by
-- a rule across reports, an agency moved), from their current reports as
-- they then stand; by the rebuild of store.agency_status; and held to
-- their definition by Open's check (agency_status_stale): a row set by
-- hand, or a report repaired by hand, rebuilds it, and a read-only open
-- refuses such a file. The writer appends the rows it writes, out of the
-- year order: gongkai compact and serve's background pass write the table
-- again in order when its years are mixed or its deleted rows many
-- (CompactRollups), which changes no row.
--
-- Cost on an existing warehouse: one pass over the current reports and a
-- sort (~0.5 s of CPU at 1M reports), ~6 MB.

CREATE TABLE store.year_reports (
    year INTEGER NOT NULL,
    agency_id BIGINT NOT NULL,
    report_id BIGINT NOT NULL,
    format VARCHAR NOT NULL,
    errors INTEGER NOT NULL
);
INSERT INTO store.year_reports
SELECT year, agency_id, report_id, format, errors
FROM store.reports
WHERE is_current
ORDER BY year, agency_id, report_id;
