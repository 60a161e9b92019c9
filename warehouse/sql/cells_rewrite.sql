-- cells_rewrite: writes the copy by cell again as a new table, without its
-- deleted rows and without the figures of the reports
-- store.figures_by_cell_stale lists, puts it in the copy's place and
-- empties the list, in the transaction CopyCells runs it in: the rows left
-- are those cells_stale_purge.sql leaves, and a crash before the commit
-- leaves the old copy and its list whole.
--
-- Why: DuckDB keeps a deleted row in its row group, and a scan pays for
-- every vector of 2,048 rows that holds one. A purge deletes one row per
-- cell of each retired report, spread over every run, so after 3 %
-- re-uploads at 1M reports every vector held one and figure_totals cost
-- 3.0-3.1 s of CPU against 2.2-2.3 s on the same rows written anew (and
-- the purge's delete itself ran out of memory at 1 GB). The rewrite reads
-- the copy in its order (INSERT ... SELECT keeps it: DuckDB preserves
-- insertion order), so each run stays ordered by cell; 40 s of CPU at 1M,
-- 0.7 GB of RSS under serve's 512MB DuckDB limit.
--
-- The table is the copy's as 0093 made it: a migration that changes the
-- copy's columns changes this statement too (TestCellRewrite compares
-- the two).
CREATE TABLE store.figures_by_cell_new (
    report_id    BIGINT  NOT NULL,
    measure_id   INTEGER NOT NULL,
    applicant_id INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    agency_id    BIGINT  NOT NULL,
    unit_id      INTEGER,
    value        DOUBLE,
    raw_id       INTEGER,
    at_id        INTEGER
);
INSERT INTO store.figures_by_cell_new
SELECT report_id, measure_id, applicant_id, year, agency_id, unit_id, value, raw_id, at_id
FROM store.figures_by_cell
WHERE report_id NOT IN (SELECT report_id FROM store.figures_by_cell_stale);
DROP TABLE store.figures_by_cell;
ALTER TABLE store.figures_by_cell_new RENAME TO figures_by_cell;
DELETE FROM store.figures_by_cell_stale;
