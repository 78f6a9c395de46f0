-- 0003: what a store needs to run a whole day on the till.
-- * Till sessions: opened with a counted float, closed with a count by denomination, the
--   expected cash, the difference and a numbered Z report; cash in and out with a reason.
-- * Every document says what it is (a sale, a refund, a void), which sale a refund or void
--   reverses, the session its cash went through, who bought (staff and volunteers are marked)
--   and any cash receipt (현금영수증) asked for.
-- * Store credit: vouchers issued on refunds or by a manager, spent as a tender (the tenders
--   name the voucher, so the balance is what was issued less what was spent).
-- * Parked sales: a cart set aside with a note, to be taken up on any till of the store.
-- * Store settings for the discount limit and the staff hold period.
-- * Till corrections: a closed count found wrong later (a note stuck in the drawer) is put right
--   by a record of its own with a manager's approval; the closed session itself never changes.

CREATE TABLE till_sessions (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    till           TEXT NOT NULL,
    business_date  TEXT NOT NULL,
    opened_at      TEXT NOT NULL,
    opened_by      INTEGER NOT NULL REFERENCES staff (id),
    float          INTEGER NOT NULL CHECK (float >= 0),
    -- Counts by denomination (50,000 … 10 won), as JSON.
    float_counts   TEXT NOT NULL,
    closed_at      TEXT,
    closed_by      INTEGER REFERENCES staff (id),
    expected       INTEGER,
    counted        INTEGER,
    counted_counts TEXT,
    -- Left in the drawer for the next session; the rest went to the safe.
    kept           INTEGER CHECK (kept >= 0),
    blind          INTEGER CHECK (blind IN (0, 1)),
    z_no           INTEGER UNIQUE,
    CHECK ((closed_at IS NULL) = (counted IS NULL) AND (closed_at IS NULL) = (z_no IS NULL))
);
CREATE UNIQUE INDEX one_open_session_per_till ON till_sessions (till) WHERE closed_at IS NULL;

-- A session is changed once, to close it; after that it is history.
CREATE TRIGGER closed_sessions_are_kept_update BEFORE UPDATE ON till_sessions WHEN OLD.closed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed till session cannot be changed'); END;
CREATE TRIGGER sessions_are_kept_delete BEFORE DELETE ON till_sessions
BEGIN SELECT RAISE(ABORT, 'till sessions cannot be deleted'); END;

CREATE TABLE cash_moves (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    session_id  INTEGER NOT NULL REFERENCES till_sessions (id),
    kind        TEXT NOT NULL CHECK (kind IN ('in', 'out')),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    reason      TEXT NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    approved_by INTEGER REFERENCES staff (id),
    at          TEXT NOT NULL
);
CREATE INDEX cash_moves_by_session ON cash_moves (session_id);
CREATE TRIGGER cash_moves_are_kept_update BEFORE UPDATE ON cash_moves
BEGIN SELECT RAISE(ABORT, 'cash moves cannot be changed'); END;
CREATE TRIGGER cash_moves_are_kept_delete BEFORE DELETE ON cash_moves
BEGIN SELECT RAISE(ABORT, 'cash moves cannot be deleted'); END;

CREATE TABLE till_corrections (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    session_id  INTEGER NOT NULL REFERENCES till_sessions (id),
    -- Added to the counted cash (negative: less was there than counted).
    amount      INTEGER NOT NULL CHECK (amount != 0),
    reason      TEXT NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    approved_by INTEGER NOT NULL REFERENCES staff (id),
    at          TEXT NOT NULL
);
CREATE INDEX till_corrections_by_session ON till_corrections (session_id);
CREATE TRIGGER till_corrections_are_kept_update BEFORE UPDATE ON till_corrections
BEGIN SELECT RAISE(ABORT, 'till corrections cannot be changed'); END;
CREATE TRIGGER till_corrections_are_kept_delete BEFORE DELETE ON till_corrections
BEGIN SELECT RAISE(ABORT, 'till corrections cannot be deleted'); END;

-- The triggers on sales refuse UPDATE; adding columns is a schema change, not an update.
ALTER TABLE sales ADD COLUMN kind TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'refund', 'void'));
ALTER TABLE sales ADD COLUMN refers_to INTEGER REFERENCES sales (id);
ALTER TABLE sales ADD COLUMN session_id INTEGER REFERENCES till_sessions (id);
ALTER TABLE sales ADD COLUMN till TEXT;
ALTER TABLE sales ADD COLUMN customer TEXT NOT NULL DEFAULT 'public' CHECK (customer IN ('public', 'staff', 'volunteer'));
-- The cash receipt asked for, as JSON (kind, digits, purpose); NULL when none.
ALTER TABLE sales ADD COLUMN cash_receipt TEXT;
ALTER TABLE sales ADD COLUMN approved_by INTEGER REFERENCES staff (id);
CREATE INDEX sales_by_session ON sales (session_id);
CREATE INDEX sales_by_refers_to ON sales (refers_to) WHERE refers_to IS NOT NULL;

CREATE TABLE store_credits (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    code        TEXT NOT NULL UNIQUE,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    issued_at   TEXT NOT NULL,
    issued_by   INTEGER NOT NULL REFERENCES staff (id),
    approved_by INTEGER REFERENCES staff (id),
    -- The refund it was issued on; NULL when a manager issued it.
    sale_id     INTEGER REFERENCES sales (id),
    reason      TEXT NOT NULL
);
CREATE TRIGGER store_credits_are_kept_update BEFORE UPDATE ON store_credits
BEGIN SELECT RAISE(ABORT, 'store credit cannot be changed'); END;
CREATE TRIGGER store_credits_are_kept_delete BEFORE DELETE ON store_credits
BEGIN SELECT RAISE(ABORT, 'store credit cannot be deleted'); END;
CREATE INDEX tenders_by_reference ON tenders (reference) WHERE reference IS NOT NULL;

ALTER TABLE carts ADD COLUMN note TEXT NOT NULL DEFAULT '';

-- When an item was tagged, for the staff hold period (NULL for items tagged before this).
ALTER TABLE item_tags ADD COLUMN tagged_at TEXT;

INSERT INTO settings (key, value) VALUES ('discount_limit_percent', '20'), ('hold_hours', '24');
