-- reports_make_current: report $1 becomes the current version of its agency
-- and year (the previous one is retired by reports_retire in the same
-- transaction).
UPDATE store.reports SET is_current = true WHERE report_id = $1;
