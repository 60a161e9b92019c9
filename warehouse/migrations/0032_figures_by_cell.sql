-- 0032_figures_by_cell: a copy of store.figures stored by cell, kept off the
-- load path, for the breakdown of one figure (queries/region_figure.sql).
--
-- store.figures is in load order, report by report: every row group holds
-- every measure, so a scan for one (measure, applicant) cell reads all of it
-- (207M rows at 1M reports, 0.75-1 s a request). Ordering the loader's own
-- appends by cell made that fast but cost the 1M load a fifth of its speed
-- (bf59876, reverted by 7ebe95d). Instead the figures of every report up to
-- store.figures_by_cell_state.watermark are copied here in runs, each run
-- ordered by measure_id, applicant_id, report_id, by a step that runs after
-- loading (warehouse/cells.go): DuckDB's zone maps then skip all but the
-- cell's row groups of each run. Reports after the watermark are read from
-- store.figures, whose report ids ascend in load order, so the zone maps of
-- report_id skip the rest there.
--
-- Exactness: rows are only ever appended to store.figures, by the writer,
-- with report ids above every committed one; a report's figures never change
-- after its transaction. So a copied report stays exact. Anything that
-- changes or deletes rows of store.figures (a migration repairing figures,
-- like 0019, 0023 and 0028 did) must change this copy in the same
-- transaction, or set the watermark to 0 and empty it (TestCellCopyFollowsFigures
-- fails on a statement that writes store.figures and not this copy).
--
-- Only the columns region_figure reads are copied. The watermark starts at 0:
-- an upgraded file reads every figure from store.figures until the copy is
-- made (gongkai compact, or the server in the background).
CREATE TABLE store.figures_by_cell (
    report_id    BIGINT  NOT NULL,
    measure_id   INTEGER NOT NULL,
    applicant_id INTEGER NOT NULL,
    value        DOUBLE,
    raw_id       INTEGER,
    at_id        INTEGER
);

-- One row: every report with report_id <= watermark has all its figures in
-- store.figures_by_cell, and none after it does; runs counts the copy's
-- runs (each adds a few row groups to read per cell).
CREATE TABLE store.figures_by_cell_state (
    watermark BIGINT  NOT NULL,
    runs      INTEGER NOT NULL
);
INSERT INTO store.figures_by_cell_state VALUES (0, 0);
