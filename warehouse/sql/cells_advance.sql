-- cells_advance: moves the copy by cell's watermark from $1 to $2 after a
-- run; it fails to match (no row changed) if another writer moved it.
UPDATE store.figures_by_cell_state SET watermark = $2, runs = runs + 1 WHERE watermark = $1;
