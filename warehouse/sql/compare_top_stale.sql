-- compare_top_stale: how many of compare_agencies' kept answers
-- (store.compare_top_keys, 0072) were stamped other than as this binary
-- would stamp them now (0081): made by another text of the query ($1, its
-- hash), another schema, or from other kept totals (an older binary's
-- rebuild). Open deletes them all then, or reads none when read-only.
SELECT count(*) FROM store.compare_top_keys k WHERE k.stamp IS DISTINCT FROM store.compare_top_stamp($1);
