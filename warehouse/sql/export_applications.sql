-- export_applications: the view applications as exported, in a stable order.
SELECT * FROM applications ORDER BY report_id, measure;
