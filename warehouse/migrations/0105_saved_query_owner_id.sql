-- 0105_saved_query_owner_id: a saved query is owned by its account's id, not
-- its name. 0097 kept the owner's name, so an account created under the name
-- of one removed from auth.users inherited its queries. Ids come from
-- auth.user_ids and are never given again, so a query whose owner's account
-- is gone stays the admins' alone. owner keeps the name the owner had when
-- saving, for the message that says whose the query was.
--
-- Queries saved under 0097 take the id of the account of their owner's name
-- when that account existed at the query's last save: an account created
-- after it cannot have saved it. saved_at is the server's local time
-- (current_timestamp), created_at is UTC, hence the conversion. The rest
-- (no owner, or a name whose account is gone or newer) stay NULL: admins only.
ALTER TABLE store.saved_queries ADD COLUMN owner_id BIGINT;
UPDATE store.saved_queries AS q SET owner_id = u.user_id
FROM auth.users AS u
WHERE u.name = q.owner AND u.created_at <= timezone('UTC', q.saved_at::TIMESTAMPTZ);
