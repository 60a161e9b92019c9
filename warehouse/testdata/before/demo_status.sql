-- name: demo_status
-- title: 演示数据
-- params:
-- columns: demo_reports
-- How many reports (any version) come from the synthetic demo set; every
-- dashboard page shows a banner when there are any.
SELECT count(*) AS demo_reports FROM reports WHERE source_kind = 'demo'
