-- findings_next_seq: the next free finding number of each report in list $1 that has findings.
-- The BETWEEN on the list's least and greatest id lets DuckDB skip the row groups
-- outside them (zone maps): list_contains alone reads every row group of the table.
SELECT report_id, max(seq) + 1 FROM store.findings WHERE report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[]) AND list_contains($1, report_id) GROUP BY report_id;
