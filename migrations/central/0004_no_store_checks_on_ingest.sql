-- Ingest writes every event's row and the rows head office's reports read, thousands per
-- upload; a foreign key to `stores` on each made PostgreSQL look the store up again for every
-- row. The store is the token's, checked once per upload before anything is read, and stores
-- are never deleted, so those lookups could never fail. Kept where rows are few (staff,
-- refused uploads).
ALTER TABLE journal DROP CONSTRAINT IF EXISTS journal_store_id_fkey;
ALTER TABLE sales DROP CONSTRAINT IF EXISTS sales_store_id_fkey;
ALTER TABLE donations DROP CONSTRAINT IF EXISTS donations_store_id_fkey;
ALTER TABLE shifts DROP CONSTRAINT IF EXISTS shifts_store_id_fkey;
ALTER TABLE till_sessions DROP CONSTRAINT IF EXISTS till_sessions_store_id_fkey;
