-- export_measures: the view measures as exported, in a stable order.
SELECT * FROM measures ORDER BY code;
