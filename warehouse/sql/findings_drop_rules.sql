-- findings_drop_rules: removes the findings of report $1 made by the rules in list $2,
-- before they are re-checked.
DELETE FROM store.findings WHERE report_id = $1 AND list_contains($2, rule);
