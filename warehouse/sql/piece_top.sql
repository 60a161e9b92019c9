-- piece_top: the highest agency id (0 without agencies). The writer gives
-- each new agency an id above every id committed before it and never
-- deletes or renames one, so a higher id than piece_bits saw means an
-- agency added since (pieceStale).
SELECT coalesce(max(agency_id), 0) FROM store.agencies;
