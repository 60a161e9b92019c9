-- compare_totals_drop: deletes store.compare_totals' rows of the agencies
-- whose ids lie in [$1, $2], in the piece of a rebuild that builds them
-- again (compare_totals_build; see rebuildTotals).
DELETE FROM store.compare_totals WHERE agency_id BETWEEN $1 AND $2;
