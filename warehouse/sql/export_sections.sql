-- export_sections: the view sections as exported, in a stable order.
SELECT * FROM sections ORDER BY report_id, seq;
