-- agency_totals_drop: deletes store.agency_totals' rows of the agencies
-- whose ids lie in [$1, $2], the first step of a piece of a rebuild (see
-- agency_totals_build and rebuildTotals).
DELETE FROM store.agency_totals WHERE agency_id BETWEEN $1 AND $2;
