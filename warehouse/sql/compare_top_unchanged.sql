-- compare_top_unchanged: whether store.agency_totals_changed lists no
-- agency, and whether an answer is kept already for the range [$1, $2]
-- (either NULL: open), limit $3 and province $4 (NULL: the whole country,
-- 0084): read in the transaction that keeps it (store.compare_top, 0072).
SELECT NOT EXISTS (SELECT 1 FROM store.agency_totals_changed) AS unchanged,
       EXISTS (SELECT 1 FROM store.compare_top_keys k
               WHERE k.year_from IS NOT DISTINCT FROM $1 AND k.year_to IS NOT DISTINCT FROM $2 AND k.lim = $3
                 AND k.province IS NOT DISTINCT FROM $4) AS kept;
