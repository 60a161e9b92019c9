-- figures_extent: the lowest and highest report id of store.figures and its
-- rows, for migration 0029's copy in blocks (warehouse/figures.go).
SELECT min(report_id), max(report_id), count(*) FROM store.figures;
