-- status_ids_create: the agencies one transaction refreshes the status rows
-- of (refreshStatus), in a connection-local table the writer fills with an
-- appender; the refresh's statements join it. Binding the list as a
-- parameter instead put it into every statement's plan as a constant
-- (UNNEST([...])), which the planner copied and folded once a statement:
-- ~0.7 ms of CPU a statement for ~700 agencies, 5–8 ms for ~4,250, eight
-- statements a group of 4,096 reports.
CREATE OR REPLACE TEMP TABLE status_ids (agency_id BIGINT);
