-- cells_confirm_run: counts the figures cells_confirm appended as a run of
-- the copy by cell (each run adds a few row groups to read per cell).
UPDATE store.figures_by_cell_state SET runs = runs + 1;
