-- summary_rebuild: store.report_summary from store.figures, for every report.
INSERT INTO store.report_summary SELECT * FROM store.summary_rows(0, 9223372036854775807);
