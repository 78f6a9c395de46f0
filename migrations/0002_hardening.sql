-- 0002: what the first release should have checked, and the working state a crash must not lose.
-- * Tax rates and markdown percentages are decimal text from 0 to 100; a CHECK refuses anything
--   else (the tables are rebuilt to add it: SQLite cannot add a CHECK to a table in place).
-- * The VAT split of a committed sale is history like its lines: triggers refuse edits.
-- * A sale's lines, VAT split and tenders are kept in WITHOUT ROWID tables keyed by the sale:
--   each was a table plus one or two indexes, and every page a sale touches is written to the
--   WAL and synced before the cashier sees "paid". A line's UUID stays, without a UNIQUE index
--   (UUIDv7s do not collide; nothing looks a line up by it). The sales-by-date index only
--   repeated the first column of UNIQUE (business_date, sale_no).
-- * Lockouts double while they repeat and are timed on the monotonic clock too, so the staff row
--   keeps how many came in a row and when the current one began (instead of an end time).
-- * The cart being rung up, and papers waiting for the printer, are kept so a crash, a power cut
--   or a restart loses neither.
-- * PRAGMA application_id marks the file as a Nanum store ('NANU').

CREATE TABLE tax_classes_new (
    code         TEXT PRIMARY KEY,
    name_ko      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    rate_percent TEXT NOT NULL CHECK (
        rate_percent GLOB '[0-9]*' AND rate_percent NOT GLOB '*[^0-9.]*'
        AND CAST(rate_percent AS NUMERIC) BETWEEN 0 AND 100)
);
INSERT INTO tax_classes_new (code, name_ko, name_en, rate_percent)
    SELECT code, name_ko, name_en, rate_percent FROM tax_classes;
DROP TABLE tax_classes;
ALTER TABLE tax_classes_new RENAME TO tax_classes;

CREATE TABLE markdown_steps_new (
    from_week   INTEGER PRIMARY KEY CHECK (from_week >= 0),
    percent_off TEXT NOT NULL CHECK (
        percent_off GLOB '[0-9]*' AND percent_off NOT GLOB '*[^0-9.]*'
        AND CAST(percent_off AS NUMERIC) BETWEEN 0 AND 100),
    pull        INTEGER NOT NULL DEFAULT 0 CHECK (pull IN (0, 1))
);
INSERT INTO markdown_steps_new (from_week, percent_off, pull)
    SELECT from_week, percent_off, pull FROM markdown_steps;
DROP TABLE markdown_steps;
ALTER TABLE markdown_steps_new RENAME TO markdown_steps;

DROP INDEX sales_by_date;

CREATE TABLE sale_lines_new (
    sale_id          INTEGER NOT NULL REFERENCES sales (id),
    line_no          INTEGER NOT NULL CHECK (line_no > 0),
    uuid             TEXT NOT NULL,
    kind             TEXT NOT NULL
        CHECK (kind IN ('price_tag', 'item_tag', 'stock', 'category_key', 'donation')),
    code             TEXT,
    name_ko          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    category         TEXT REFERENCES categories (code),
    -- A round-up donation has no tax class: it is a gift, not revenue.
    tax_class        TEXT REFERENCES tax_classes (code) CHECK ((tax_class IS NULL) = (kind = 'donation')),
    tax_rate_percent TEXT NOT NULL,
    list_price       INTEGER NOT NULL,
    unit_price       INTEGER NOT NULL,
    -- Negative on a refund or a void.
    quantity         INTEGER NOT NULL CHECK (quantity != 0),
    amount           INTEGER NOT NULL,
    weeks_on_floor   INTEGER,
    markdown_percent TEXT,
    pull             INTEGER NOT NULL DEFAULT 0,
    -- Taken off by a discount (with its reason); the markdown is already in unit_price.
    discount         INTEGER NOT NULL DEFAULT 0,
    discount_reason  TEXT,
    -- On a refund or void: the line of the original sale it takes back.
    refers_line      INTEGER,
    PRIMARY KEY (sale_id, line_no),
    CHECK (amount = unit_price * quantity - discount)
) WITHOUT ROWID;
INSERT INTO sale_lines_new (sale_id, line_no, uuid, kind, code, name_ko, name_en, category, tax_class,
        tax_rate_percent, list_price, unit_price, quantity, amount, weeks_on_floor, markdown_percent, pull)
    SELECT sale_id, line_no, uuid, kind, code, name_ko, name_en, category, tax_class,
        tax_rate_percent, list_price, unit_price, quantity, amount, weeks_on_floor, markdown_percent, pull
    FROM sale_lines;
DROP TABLE sale_lines;
ALTER TABLE sale_lines_new RENAME TO sale_lines;

-- The VAT split printed on the receipt, per tax class, kept as printed.
CREATE TABLE sale_vat_new (
    sale_id      INTEGER NOT NULL REFERENCES sales (id),
    tax_class    TEXT NOT NULL,
    rate_percent TEXT NOT NULL,
    gross        INTEGER NOT NULL,
    supply       INTEGER NOT NULL,
    vat          INTEGER NOT NULL,
    PRIMARY KEY (sale_id, tax_class),
    CHECK (supply + vat = gross)
) WITHOUT ROWID;
INSERT INTO sale_vat_new SELECT sale_id, tax_class, rate_percent, gross, supply, vat FROM sale_vat;
DROP TABLE sale_vat;
ALTER TABLE sale_vat_new RENAME TO sale_vat;

CREATE TABLE tenders_new (
    sale_id   INTEGER NOT NULL REFERENCES sales (id),
    tender_no INTEGER NOT NULL CHECK (tender_no > 0),
    kind      TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'store_credit')),
    -- Negative when paid back on a refund.
    amount    INTEGER NOT NULL,
    tendered  INTEGER NOT NULL,
    -- A card's approval number, a voucher's code.
    reference TEXT,
    PRIMARY KEY (sale_id, tender_no)
) WITHOUT ROWID;
INSERT INTO tenders_new (sale_id, tender_no, kind, amount, tendered)
    SELECT sale_id, row_number() OVER (PARTITION BY sale_id ORDER BY id), kind, amount, tendered FROM tenders;
DROP TABLE tenders;
ALTER TABLE tenders_new RENAME TO tenders;

-- A committed sale is history; the rebuilt tables get their triggers back, and the VAT split
-- gets the same.
CREATE TRIGGER sale_lines_are_kept_update BEFORE UPDATE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be changed'); END;
CREATE TRIGGER sale_lines_are_kept_delete BEFORE DELETE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be deleted'); END;
CREATE TRIGGER sale_vat_is_kept_update BEFORE UPDATE ON sale_vat
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be changed'); END;
CREATE TRIGGER sale_vat_is_kept_delete BEFORE DELETE ON sale_vat
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be deleted'); END;
CREATE TRIGGER tenders_are_kept_update BEFORE UPDATE ON tenders
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be changed'); END;
CREATE TRIGGER tenders_are_kept_delete BEFORE DELETE ON tenders
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be deleted'); END;

ALTER TABLE staff DROP COLUMN locked_until;
-- Lockouts since the last right PIN; the next one lasts 2^lockouts minutes (at most 60).
ALTER TABLE staff ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0);
ALTER TABLE staff ADD COLUMN locked_since TEXT;
ALTER TABLE staff ADD COLUMN lock_seconds INTEGER CHECK (lock_seconds > 0);
-- The machine's boot and uptime when the lock began: while it has not restarted, the lock is
-- timed on that clock, which nobody can set forward.
ALTER TABLE staff ADD COLUMN lock_boot_id TEXT;
ALTER TABLE staff ADD COLUMN lock_uptime_ms INTEGER;

-- The cart on each till, stored line by line as it is rung up (and, later, parked sales).
-- Working state, not history: deleted when the sale commits or the cart is cancelled (which the
-- journal records).
CREATE TABLE carts (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    till       TEXT NOT NULL,
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    state      TEXT NOT NULL CHECK (state IN ('open', 'parked')),
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX one_open_cart_per_till ON carts (till) WHERE state = 'open';

CREATE TABLE cart_lines (
    cart_id INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL CHECK (line_no > 0),
    -- The line as the domain has it (JSON), so a resumed cart is exactly the one left.
    line    TEXT NOT NULL,
    PRIMARY KEY (cart_id, line_no)
);

-- Papers for the printer, kept until printed so a restart loses none.
CREATE TABLE print_jobs (
    id           INTEGER PRIMARY KEY,
    till         TEXT NOT NULL,
    title        TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    -- A test print goes to the printer being tried, not the till's own.
    printer      TEXT,
    opens_drawer INTEGER NOT NULL CHECK (opens_drawer IN (0, 1)),
    state        TEXT NOT NULL CHECK (state IN ('waiting', 'printed', 'failed')),
    -- Why it failed, as JSON the till turns into words in the screen's language.
    problem      TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL
);
CREATE INDEX print_jobs_by_till ON print_jobs (till, state);

PRAGMA application_id = 1312902741;
