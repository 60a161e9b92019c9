-- year_reports_dense: writes store.year_reports' rows (0122) again, as they
-- are, in the order of year, agency and report, so that a year's rows share
-- row groups and the next checkpoint drops the row groups its deleted rows
-- fill (see rollup_dense_state). No row changes.
CREATE OR REPLACE TEMP TABLE year_reports_dense AS SELECT * FROM store.year_reports;
DELETE FROM store.year_reports;
INSERT INTO store.year_reports SELECT * FROM year_reports_dense ORDER BY year, agency_id, report_id;
DROP TABLE year_reports_dense;
