-- 0036_cells_year: the copy by cell (0032) carries each report's year, so
-- that region_figure joins the selected current reports with the cell's
-- figures of the years asked for instead of every version's: /regions asks
-- for one year, a sixth of the figures at 1M reports, and the hash join of
-- the current reports with all of a cell's million rows was most of the
-- page (~70 ms).
--
-- year is store.reports.year of the report, copied with its figures by
-- warehouse/sql/cells_copy.sql. The writer never changes a report's year;
-- a repair by hand that does leaves store.report_summary out of step too,
-- and Open, rebuilding the summary, empties the copy (cells_reset.sql), so
-- that the next compaction copies the years as they stand.
--
-- The copy is emptied and its watermark set to 0: region_figure reads every
-- figure from store.figures (the first form's speed) until `gongkai compact`
-- or the server's background pass copies it again (~30 s at 1M reports).
-- Dropping the old copy is cheap: its blocks are freed at the next
-- checkpoint and reused by the new one.
DROP TABLE store.figures_by_cell;
CREATE TABLE store.figures_by_cell (
    report_id    BIGINT  NOT NULL,
    measure_id   INTEGER NOT NULL,
    applicant_id INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    value        DOUBLE,
    raw_id       INTEGER,
    at_id        INTEGER
);
UPDATE store.figures_by_cell_state SET watermark = 0, runs = 0;
