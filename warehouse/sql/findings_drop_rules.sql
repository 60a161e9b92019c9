-- findings_drop_rules: removes the findings of the reports in list $1 made by the rules
-- in list $2, before they are re-checked.
-- The BETWEEN on the list's least and greatest id lets DuckDB skip the row groups
-- outside them (zone maps): list_contains alone reads every row group of the table.
DELETE FROM store.findings WHERE report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[]) AND list_contains($1, report_id) AND list_contains($2, rule);
