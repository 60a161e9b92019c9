-- lake_figures_by_cell: the copy of the figures by cell for the Parquet lake
-- (see Export), empty: the lake's store.figures holds every figure, and the
-- copy's order (the reason it exists) does not survive a partitioned export;
-- with lake_figures_by_cell_state's watermark 0 a reader of the lake takes
-- every figure from store.figures, the same rows.
SELECT * FROM store.figures_by_cell WHERE false;
