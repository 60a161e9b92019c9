-- compare_top_key: lists the range [$1, $2] (either NULL: open), limit $3
-- and province $5 (NULL: the whole country, 0084) as kept in
-- store.compare_top (0072), in the transaction that stores its rows,
-- stamped with what made it: compare_agencies' text hashed ($4), the
-- schema and the kept totals it was built from (0081).
INSERT INTO store.compare_top_keys (year_from, year_to, lim, stamp, province) VALUES ($1, $2, $3, store.compare_top_stamp($4), $5);
