-- findings_next_seq: the next free finding number of each report in list $1 that has findings.
SELECT report_id, max(seq) + 1 FROM store.findings WHERE list_contains($1, report_id) GROUP BY report_id;
