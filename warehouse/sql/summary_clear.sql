-- summary_clear: empties store.report_summary before summary_rebuild.
DELETE FROM store.report_summary;
