-- read_report_sections: the narrative sections of report version $1.
SELECT coalesce(numeral, ''), coalesce(title, ''), coalesce(text, ''), coalesce("at", '')
FROM store.sections
WHERE report_id = $1
ORDER BY seq;
