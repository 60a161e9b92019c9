-- lake_figures_by_cell_state: the copy's state for the Parquet lake (see
-- Export and lake_figures_by_cell): watermark 0, no runs, so that the copy
-- the lake leaves empty is never read.
SELECT 0::BIGINT AS watermark, 0::INTEGER AS runs;
