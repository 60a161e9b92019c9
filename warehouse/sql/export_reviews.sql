-- export_reviews: the view reviews as exported, in a stable order.
SELECT * FROM reviews ORDER BY report_id, proceeding;
