-- export_report_values: the view report_values as exported, in a stable order.
SELECT * FROM report_values ORDER BY report_id, measure, applicant;
