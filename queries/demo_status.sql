-- name: demo_status
-- title: 演示数据
-- params:
-- columns: demo_reports
-- How many reports (any version) come from the synthetic demo set; every
-- dashboard page shows a banner when there are any. It reads store.reports
-- alone: the reports view joins every report with its agency.
SELECT count(*) AS demo_reports FROM store.reports WHERE source_kind = 'demo'
