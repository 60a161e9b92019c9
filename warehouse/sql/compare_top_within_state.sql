-- compare_top_within_state: the stamp of the country's deeper kept answer
-- of compare_agencies for every year (store.compare_top_keys, 0072, 0081;
-- NULL when it is not kept) with the limit $1 (warehouse.compareDeepLimit),
-- and whether store.agency_totals_changed lists no agency (no kept answer
-- is read otherwise). withinMembers reads it once a generation, and the
-- answer's names again only when the stamp changed.
SELECT (SELECT any_value(k.stamp) FROM store.compare_top_keys k
        WHERE k.year_from IS NULL AND k.year_to IS NULL AND k.lim = $1 AND k.province IS NULL) AS stamp,
       NOT EXISTS (SELECT 1 FROM store.agency_totals_changed) AS listed_none;
