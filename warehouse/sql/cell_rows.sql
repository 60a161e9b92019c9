-- cell_rows: whether the copy by cell (store.figures_by_cell) holds any row
-- of the cell $1, $2 (measure_id, applicant_id) in the years $3 to $4 (NULL
-- for no bound), of any report, current or not, for warehouse.Query to run
-- region_figure_blank.sql instead of region_figure's form read by agency
-- when it does not (cellStated): that form then returns no rows (every
-- selected report lacks the cell, as for a cell its year's format does not
-- have, such as licensing.items_prev in a 2021-form year). The answer
-- chooses the form only: each form checks what it relies on in its own
-- snapshot, and the named query runs when one returns no rows. The copy
-- holds each run ordered by cell and year (cells_copy.sql), so the zone
-- maps skip every row group but the cell's: ~3 ms at 1M reports, once per
-- cell and years until the next write.
SELECT EXISTS (
    SELECT 1 FROM store.figures_by_cell c
    WHERE c.measure_id = $1 AND c.applicant_id = $2
      AND ($3 IS NULL OR c.year >= $3) AND ($4 IS NULL OR c.year <= $4)
);
