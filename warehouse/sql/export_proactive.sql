-- export_proactive: the view proactive as exported, in a stable order.
SELECT * FROM proactive ORDER BY report_id, measure;
