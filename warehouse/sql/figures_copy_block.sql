-- figures_copy_block: migration 0029 copies the figures of report ids $1 to
-- $2 (one block, report_id // 2048) into store.figures_by_cell in the order
-- the loader writes them (warehouse/figures.go): by cell, then report, then
-- as stored (rowid), so that a cell stated twice keeps its order. The range
-- reads only the row groups of the block (figures are stored in report id
-- order before 0029).
INSERT INTO store.figures_by_cell
SELECT report_id, measure_id, applicant_id, value, unit_id, raw_id, at_id, derived, from_narrative
FROM store.figures
WHERE report_id BETWEEN $1 AND $2
ORDER BY measure_id, applicant_id, report_id, rowid;
