-- compare_top_key: lists the range [$1, $2] (either NULL: open) and limit
-- $3 as kept in store.compare_top (0072), in the transaction that stores
-- its rows.
INSERT INTO store.compare_top_keys (year_from, year_to, lim) VALUES ($1, $2, $3);
