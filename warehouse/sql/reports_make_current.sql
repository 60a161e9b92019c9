-- reports_make_current: report $1 becomes the current version of its agency
-- and year (the previous one is retired by reports_retire in the same
-- transaction).
-- The copy by cell follows in the same transaction (0108): cells_confirm
-- copies the report if the copy passed it while it was pending, and
-- cells_stale_confirm takes it off store.figures_by_cell_stale.
UPDATE store.reports SET is_current = true WHERE report_id = $1;
