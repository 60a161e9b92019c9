-- export_report_summary: the view report_summary as exported, in a stable order.
SELECT * FROM report_summary ORDER BY report_id;
