-- export_findings: the view findings as exported, in a stable order.
SELECT * FROM findings ORDER BY report_id, seq;
