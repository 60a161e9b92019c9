-- 0093_cells_agency_unit: the copy by cell (0032, 0036) carries each
-- figure's unit_id and its report's agency_id, so that sums over every
-- figure (figure_totals) and one figure's breakdown by agency
-- (region_figure) can read the copy alone, without joining its 207M rows
-- (at 1M reports) to store.figures or store.reports.
--
-- unit_id is store.figures.unit_id, copied with the figure: figure_totals
-- groups by it, so that procurement.amount in 元 and in 万元 stay apart.
-- agency_id is store.reports.agency_id of the report, copied as its year
-- is (0036): the writer never changes a report's agency; a repair by hand
-- that does leaves store.report_summary out of step too, and Open, rebuilding
-- the summary, empties the copy (cells_reset.sql), so that the next
-- compaction copies the agencies as they stand.
--
-- The copy is emptied and its watermark set to 0, as 0036 did: region_figure
-- and figure_totals read every figure from store.figures (their forms
-- without the copy, exact and slower) until `gongkai compact` or the
-- server's background pass copies it again. Dropping the old copy is cheap:
-- its blocks are freed at the next checkpoint and reused by the new one.
DROP TABLE store.figures_by_cell;
CREATE TABLE store.figures_by_cell (
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
UPDATE store.figures_by_cell_state SET watermark = 0, runs = 0;
