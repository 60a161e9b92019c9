-- agency_totals_unlist: takes the agencies whose ids lie in [$1, $2] off
-- store.agency_totals_changed, in the transaction of the piece of a
-- rebuild that builds their rows of store.agency_totals and
-- store.compare_totals afresh: from its commit they are read from those
-- rows again (see rebuildTotals).
DELETE FROM store.agency_totals_changed WHERE agency_id BETWEEN $1 AND $2;
