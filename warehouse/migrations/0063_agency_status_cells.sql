-- 0063_agency_status_cells: store.agency_status (0020) also keeps each
-- agency's current reports as a list of cells (year, report_id, errors,
-- warnings), in the order of year and report, so that 报送与质量's matrix
-- (queries/quality_matrix.sql) reads the cells of its page's 50 agencies
-- from their 50 status rows instead of scanning the million current reports
-- for them: their ids are spread by name over every row group of
-- store.reports, so no group was skipped. At 1M reports the query's CPU
-- drops by ~1.6 ms (27.4 -> 25.8, mean of the bench's page filters): the
-- semi-join's probe of 850,000 reports goes, but the cells of the status
-- rows in the vectors the page touches are decoded as the reports' columns
-- were.
--
-- Exact, never a guess: the cells are made by store.agency_status_rows,
-- the same definition that makes the row's bit sets, so every write that
-- refreshes an agency's row (a new year, a re-upload, a confirmed version,
-- errors recounted by a rule across years, a move) writes its cells with
-- it, and Open's check (agency_status_stale) compares them with the
-- current reports as it compares the bit sets: a repair of store.reports
-- by hand is found and the table built again; a read-only open refuses
-- such a file. As the bit sets, the cells hold the years 1990–2100 only:
-- the matrix lists no other year.
--
-- Cost on an existing warehouse: one column added and filled from the
-- current reports (one pass over them, as Open's check).

ALTER TABLE store.agency_status ADD COLUMN cells STRUCT(year INTEGER, report_id BIGINT, errors INTEGER, warnings INTEGER)[];

-- 0031's rows with the cells.
CREATE OR REPLACE MACRO store.agency_status_rows(lo, hi, ids) AS TABLE
SELECT r.agency_id, min(r.year) AS first_year,
       bit_or(store.year_bit(r.year)) AS reported,
       coalesce(bit_or(store.year_bit(r.year)) FILTER (WHERE r.errors > 0), 0) AS errors,
       coalesce(bit_or(store.year_bit(r.year)) FILTER (WHERE r.errors = 0 AND r.warnings > 0), 0) AS warnings,
       list({'year': r.year, 'report_id': r.report_id, 'errors': r.errors, 'warnings': r.warnings}
            ORDER BY r.year, r.report_id) AS cells
FROM store.reports r
WHERE r.is_current AND r.agency_id BETWEEN lo AND hi
  AND (ids IS NULL OR r.agency_id IN (SELECT unnest(ids)))
  AND r.year BETWEEN 1990 AND 2100
GROUP BY r.agency_id;

UPDATE store.agency_status s SET cells = k.cells
FROM store.agency_status_rows(0, 9223372036854775807, NULL) k
WHERE k.agency_id = s.agency_id;
