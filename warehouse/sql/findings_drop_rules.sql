-- findings_drop_rules: removes the findings of the reports in list $1 made by the rules
-- in list $2, before they are re-checked.
DELETE FROM store.findings WHERE list_contains($1, report_id) AND list_contains($2, rule);
