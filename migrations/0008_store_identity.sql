-- 0008: what a real store prints that the demo did not need: the representative (대표자) beside
-- the business registration number, and a footer line of the store's own under every receipt.
ALTER TABLE store ADD COLUMN representative TEXT NOT NULL DEFAULT '';
ALTER TABLE store ADD COLUMN receipt_footer TEXT NOT NULL DEFAULT '';
