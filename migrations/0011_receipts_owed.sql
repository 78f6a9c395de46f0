-- 0011: a receipt the store owes. A document rung up on a till is written together with a row
-- here, in its own transaction; the row goes when its receipt has printed, or when the cashier
-- chose to skip it. A till that stopped between the two (a crash, a power cut) finds the row at
-- the next start and says so, so nobody rings the customer up twice.
CREATE TABLE receipts_owed (
    sale_id    INTEGER PRIMARY KEY REFERENCES sales (id),
    till       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX receipts_owed_by_till ON receipts_owed (till);

-- Which document a print job is the receipt of, so its printing settles what is owed.
ALTER TABLE print_jobs ADD COLUMN sale_id INTEGER REFERENCES sales (id);
