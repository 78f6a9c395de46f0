-- 0004: where goods come from and where they go.
-- * Donors, found by phone (digits only) or by name: `donor_grams` is an FTS5 index of each
--   name's two- and three-letter pieces (a Korean given name is two syllables, too short for
--   SQLite's trigram tokenizer), kept by the store code that writes donors.
-- * Donations: channel, what was accepted per category and what was turned away and why, bags,
--   boxes, weight, and the value for the donor's receipt (the category's guide value per
--   counting unit). A changed value is a record of its own with the manager who made it.
-- * Tag batches: every run of tags printed at the pricing bench (the production record).
-- * Stock received, and goods that leave without a sale (recycling, upcycling, transfer, outlet).

ALTER TABLE categories ADD COLUMN donation_value INTEGER NOT NULL DEFAULT 0 CHECK (donation_value >= 0);
ALTER TABLE categories ADD COLUMN counting_unit INTEGER NOT NULL DEFAULT 1 CHECK (counting_unit >= 1);

CREATE TABLE donors (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    -- Digits only, national form (01012345678); NULL when none was given.
    phone          TEXT,
    wants_receipt  INTEGER NOT NULL CHECK (wants_receipt IN (0, 1)),
    wants_messages INTEGER NOT NULL CHECK (wants_messages IN (0, 1)),
    created_at     TEXT NOT NULL,
    -- Set when a manager merged this donor into another; their history follows.
    merged_into    INTEGER REFERENCES donors (id)
);
CREATE INDEX donors_by_phone ON donors (phone) WHERE phone IS NOT NULL;
CREATE INDEX donors_merged ON donors (merged_into) WHERE merged_into IS NOT NULL;

CREATE VIRTUAL TABLE donor_grams USING fts5 (grams, tokenize = 'unicode61');

CREATE TABLE donations (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    -- NULL: anonymous (no receipt).
    donor_id      INTEGER REFERENCES donors (id),
    channel       TEXT NOT NULL CHECK (channel IN ('walk_in', 'pickup', 'parcel')),
    business_date TEXT NOT NULL,
    at            TEXT NOT NULL,
    staff_id      INTEGER NOT NULL REFERENCES staff (id),
    bags          INTEGER NOT NULL DEFAULT 0 CHECK (bags >= 0),
    boxes         INTEGER NOT NULL DEFAULT 0 CHECK (boxes >= 0),
    grams         INTEGER CHECK (grams >= 0),
    -- The value worked out at intake; a manager's change is in donation_values.
    value         INTEGER NOT NULL CHECK (value >= 0),
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX donations_by_date ON donations (business_date);
CREATE INDEX donations_by_donor ON donations (donor_id);

CREATE TABLE donation_lines (
    donation_id INTEGER NOT NULL REFERENCES donations (id),
    category    TEXT NOT NULL REFERENCES categories (code),
    count       INTEGER NOT NULL CHECK (count > 0),
    units       INTEGER NOT NULL CHECK (units >= 0),
    value       INTEGER NOT NULL CHECK (value >= 0),
    PRIMARY KEY (donation_id, category)
) WITHOUT ROWID;

CREATE TABLE donation_rejections (
    id          INTEGER PRIMARY KEY,
    donation_id INTEGER NOT NULL REFERENCES donations (id),
    category    TEXT REFERENCES categories (code),
    count       INTEGER NOT NULL CHECK (count > 0),
    reason      TEXT NOT NULL CHECK (reason IN ('stained', 'damaged', 'not_accepted', 'safety', 'other')),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX donation_rejections_by_donation ON donation_rejections (donation_id);

CREATE TABLE donation_values (
    id          INTEGER PRIMARY KEY,
    donation_id INTEGER NOT NULL REFERENCES donations (id),
    value       INTEGER NOT NULL CHECK (value >= 0),
    reason      TEXT NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    approved_by INTEGER NOT NULL REFERENCES staff (id),
    at          TEXT NOT NULL
);
CREATE INDEX donation_values_by_donation ON donation_values (donation_id);

CREATE TABLE tag_batches (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('price', 'item')),
    category    TEXT NOT NULL REFERENCES categories (code),
    condition   TEXT NOT NULL CHECK (condition IN ('like_new', 'good', 'fair')),
    price       INTEGER NOT NULL CHECK (price > 0),
    count       INTEGER NOT NULL CHECK (count > 0),
    -- The intake week, `YYWW` as in the tag's code.
    week        TEXT NOT NULL CHECK (length(week) = 4),
    -- The price tag's code (one code for every tag of a price batch) or the item tag's.
    code        TEXT NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    approved_by INTEGER REFERENCES staff (id),
    donation_id INTEGER REFERENCES donations (id),
    at          TEXT NOT NULL
);
CREATE INDEX tag_batches_by_week ON tag_batches (week, category);

CREATE TABLE stock_receipts (
    id       INTEGER PRIMARY KEY,
    uuid     TEXT NOT NULL UNIQUE,
    ean      TEXT NOT NULL REFERENCES stock_items (ean),
    count    INTEGER NOT NULL CHECK (count > 0),
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    at       TEXT NOT NULL
);

CREATE TABLE out_flows (
    id       INTEGER PRIMARY KEY,
    uuid     TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL CHECK (kind IN ('recycling', 'upcycling', 'transfer', 'outlet')),
    category TEXT NOT NULL REFERENCES categories (code),
    count    INTEGER NOT NULL CHECK (count >= 0),
    grams    INTEGER CHECK (grams >= 0),
    -- The intake week pulled, `YYWW`, when these were pulled tags.
    week     TEXT,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    at       TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX out_flows_by_week ON out_flows (week, category) WHERE week IS NOT NULL;

-- What is written about goods is kept: corrections are new records.
CREATE TRIGGER donations_are_kept_update BEFORE UPDATE ON donations
BEGIN SELECT RAISE(ABORT, 'donations cannot be changed'); END;
CREATE TRIGGER donations_are_kept_delete BEFORE DELETE ON donations
BEGIN SELECT RAISE(ABORT, 'donations cannot be deleted'); END;
CREATE TRIGGER donation_lines_are_kept_update BEFORE UPDATE ON donation_lines
BEGIN SELECT RAISE(ABORT, 'donation lines cannot be changed'); END;
CREATE TRIGGER donation_lines_are_kept_delete BEFORE DELETE ON donation_lines
BEGIN SELECT RAISE(ABORT, 'donation lines cannot be deleted'); END;
CREATE TRIGGER donation_rejections_are_kept_update BEFORE UPDATE ON donation_rejections
BEGIN SELECT RAISE(ABORT, 'rejections cannot be changed'); END;
CREATE TRIGGER donation_rejections_are_kept_delete BEFORE DELETE ON donation_rejections
BEGIN SELECT RAISE(ABORT, 'rejections cannot be deleted'); END;
CREATE TRIGGER donation_values_are_kept_update BEFORE UPDATE ON donation_values
BEGIN SELECT RAISE(ABORT, 'donation values cannot be changed'); END;
CREATE TRIGGER donation_values_are_kept_delete BEFORE DELETE ON donation_values
BEGIN SELECT RAISE(ABORT, 'donation values cannot be deleted'); END;
CREATE TRIGGER tag_batches_are_kept_update BEFORE UPDATE ON tag_batches
BEGIN SELECT RAISE(ABORT, 'tag batches cannot be changed'); END;
CREATE TRIGGER tag_batches_are_kept_delete BEFORE DELETE ON tag_batches
BEGIN SELECT RAISE(ABORT, 'tag batches cannot be deleted'); END;
CREATE TRIGGER out_flows_are_kept_update BEFORE UPDATE ON out_flows
BEGIN SELECT RAISE(ABORT, 'out-flows cannot be changed'); END;
CREATE TRIGGER out_flows_are_kept_delete BEFORE DELETE ON out_flows
BEGIN SELECT RAISE(ABORT, 'out-flows cannot be deleted'); END;

-- Price tags sold per category and intake week, for the pull list (the code holds both).
CREATE INDEX sale_lines_by_tag_week ON sale_lines (substr(code, 12, 4), substr(code, 2, 3)) WHERE kind = 'price_tag';

INSERT INTO settings (key, value) VALUES ('price_band_percent', '30'), ('low_stock', '5');
