-- 0056_cells_key: the copy by cell (0032, 0036) carries each cell's key,
-- md5_number_upper(measure || '|' || applicant) of the cell's texts, and
-- each run is ordered by it (warehouse/sql/cells_copy.sql). region_figure
-- computes the key from its parameters, so DuckDB plans the filter on it
-- as a constant and its zone maps skip every row group but the cell's.
-- The cell's ids, found in store.texts by a subquery, made a filter known
-- only when the query ran: the scan of one cell's year cost ~10 ms of CPU
-- at 1M reports instead of ~2 (see queries/region_figure.sql).
--
-- The key only narrows the scan: region_figure still keeps the rows whose
-- ids are the cell's, so two cells with the same key (a collision of 64
-- bits of MD5) would cost time, never a wrong row. MD5 is fixed by its
-- standard, so a key copied by one DuckDB version is the key another
-- computes. A figure whose ids are not in store.texts gets a NULL key, and
-- no query for a cell (found by its texts) reads it, as before.
--
-- The copy is emptied and its watermark set to 0, as 0036 did:
-- region_figure reads every figure from store.figures until `gongkai
-- compact` or the server's background pass copies it again.
DROP TABLE store.figures_by_cell;
CREATE TABLE store.figures_by_cell (
    cell         UBIGINT,
    report_id    BIGINT  NOT NULL,
    measure_id   INTEGER NOT NULL,
    applicant_id INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    value        DOUBLE,
    raw_id       INTEGER,
    at_id        INTEGER
);
UPDATE store.figures_by_cell_state SET watermark = 0, runs = 0;
