-- texts_repeated: whether some text of store.texts is there under two ids.
-- The loader numbers only texts its map of store.texts does not hold, so
-- that only a hand edit makes one, and a warehouse without one keeps none
-- for as long as it is open: see warehouse.DB.textsUnique.
SELECT count(*) <> count(DISTINCT t.text) AS repeated FROM store.texts t;
