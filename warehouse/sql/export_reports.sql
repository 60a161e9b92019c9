-- export_reports: the view reports as exported, in a stable order.
SELECT * FROM reports ORDER BY report_id;
