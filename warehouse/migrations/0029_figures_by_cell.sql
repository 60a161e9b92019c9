-- 0029_figures_by_cell: store.figures rewritten in blocks of report ids
-- (report_id // 2048), each block ordered by measure_id, applicant_id,
-- report_id and then as stated, so that a scan for one cell reads one or two
-- row groups of each block instead of every row group.
--
-- The breakdown of one figure (queries/region_figure.sql: one cell of every
-- report the filters select) scanned all of store.figures (207M rows at 1M
-- reports, stored in load order: every row group held every measure, so
-- DuckDB's zone maps skipped none), 0.55 s a request. In blocks, a row group
-- holds a short range of measures and the zone map of measure_id skips the
-- rest; reading one report's figures (report_id = x) reads its block, two or
-- three row groups instead of one or two. The loader writes every
-- transaction's figures in the same order (warehouse/figures.go), so the
-- order holds for every later load; a transaction of one report (an upload)
-- orders only its own figures, which makes no block.
--
-- Rows, values and ids are unchanged: only their order on disk. The table is
-- copied block by block by migrateFiguresByCell (warehouse/figures.go), which
-- then drops store.figures and gives the copy its name, in this migration's
-- transaction; the copy is created here with the columns of store.figures
-- (0001, from_narrative since 0007).
CREATE TABLE store.figures_by_cell (
    report_id      BIGINT  NOT NULL,
    measure_id     INTEGER NOT NULL,
    applicant_id   INTEGER NOT NULL,
    value          DOUBLE,
    unit_id        INTEGER,
    raw_id         INTEGER,
    at_id          INTEGER,
    derived        BOOLEAN NOT NULL,
    from_narrative BOOLEAN
);
