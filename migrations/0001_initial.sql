-- 0001: the first schema of a store's database.
-- Reference data (tax classes, categories, price guide, colour rotation) comes from head office;
-- sales and the journal are written by the till. Money is whole won in INTEGER columns; rates
-- and percentages are decimal TEXT so no float touches them. Times are RFC 3339 with offset.

CREATE TABLE store (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    uuid        TEXT NOT NULL,
    code        INTEGER NOT NULL CHECK (code BETWEEN 0 AND 999),
    name        TEXT NOT NULL,
    address     TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    business_no TEXT NOT NULL DEFAULT '',
    price_step  INTEGER NOT NULL DEFAULT 100 CHECK (price_step > 0),
    is_demo     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE tax_classes (
    code         TEXT PRIMARY KEY,
    name_ko      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    rate_percent TEXT NOT NULL
);

CREATE TABLE categories (
    code         TEXT PRIMARY KEY CHECK (length(code) = 3),
    name_ko      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    tax_class    TEXT NOT NULL REFERENCES tax_classes (code),
    -- Place among the checkout's category keys; NULL means no key.
    key_position INTEGER,
    active       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE price_guide (
    category  TEXT NOT NULL REFERENCES categories (code),
    condition TEXT NOT NULL CHECK (condition IN ('like_new', 'good', 'fair')),
    price     INTEGER NOT NULL CHECK (price > 0),
    PRIMARY KEY (category, condition)
);

CREATE TABLE tag_colours (
    position INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    name_ko  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    rgb      TEXT NOT NULL
);

CREATE TABLE markdown_steps (
    from_week   INTEGER PRIMARY KEY CHECK (from_week >= 0),
    percent_off TEXT NOT NULL,
    pull        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE staff (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('manager', 'cashier', 'volunteer')),
    -- argon2id PHC string; the PIN itself is never stored.
    pin_hash    TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    failed_pins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
);

CREATE TABLE stock_items (
    id       INTEGER PRIMARY KEY,
    uuid     TEXT NOT NULL UNIQUE,
    ean      TEXT NOT NULL UNIQUE,
    name_ko  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    category TEXT NOT NULL REFERENCES categories (code),
    price    INTEGER NOT NULL CHECK (price > 0),
    on_hand  INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sales (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    business_date TEXT NOT NULL,
    sale_no       INTEGER NOT NULL CHECK (sale_no > 0),
    sold_at       TEXT NOT NULL,
    staff_id      INTEGER NOT NULL REFERENCES staff (id),
    total         INTEGER NOT NULL,
    change_given  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (business_date, sale_no)
);

CREATE TABLE item_tags (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    code          TEXT NOT NULL UNIQUE,
    description   TEXT NOT NULL,
    category      TEXT NOT NULL REFERENCES categories (code),
    price         INTEGER NOT NULL CHECK (price > 0),
    condition     TEXT NOT NULL CHECK (condition IN ('like_new', 'good', 'fair')),
    intake_date   TEXT NOT NULL,
    donation_uuid TEXT,
    sold_in       INTEGER REFERENCES sales (id)
);

CREATE TABLE sale_lines (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    sale_id          INTEGER NOT NULL REFERENCES sales (id),
    line_no          INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('price_tag', 'item_tag', 'stock', 'category_key')),
    code             TEXT,
    name_ko          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    category         TEXT REFERENCES categories (code),
    tax_class        TEXT NOT NULL REFERENCES tax_classes (code),
    tax_rate_percent TEXT NOT NULL,
    list_price       INTEGER NOT NULL,
    unit_price       INTEGER NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    amount           INTEGER NOT NULL,
    weeks_on_floor   INTEGER,
    markdown_percent TEXT,
    pull             INTEGER NOT NULL DEFAULT 0,
    UNIQUE (sale_id, line_no)
);

-- The VAT split printed on the receipt, per tax class, kept as printed.
CREATE TABLE sale_vat (
    sale_id      INTEGER NOT NULL REFERENCES sales (id),
    tax_class    TEXT NOT NULL,
    rate_percent TEXT NOT NULL,
    gross        INTEGER NOT NULL,
    supply       INTEGER NOT NULL,
    vat          INTEGER NOT NULL,
    PRIMARY KEY (sale_id, tax_class),
    CHECK (supply + vat = gross)
);

CREATE TABLE tenders (
    id       INTEGER PRIMARY KEY,
    sale_id  INTEGER NOT NULL REFERENCES sales (id),
    kind     TEXT NOT NULL CHECK (kind IN ('cash', 'card')),
    amount   INTEGER NOT NULL,
    tendered INTEGER NOT NULL
);

CREATE INDEX sales_by_date ON sales (business_date);
CREATE INDEX sale_lines_by_sale ON sale_lines (sale_id);
CREATE INDEX sale_vat_by_sale ON sale_vat (sale_id);
CREATE INDEX tenders_by_sale ON tenders (sale_id);

-- Every business event, each hashed with the one before it. Written in the same transaction as
-- the change it describes; uploaded by sync; read by auditors. Never changed once written.
CREATE TABLE journal (
    seq       INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL,
    payload   TEXT NOT NULL,
    at        TEXT NOT NULL,
    staff_id  INTEGER REFERENCES staff (id),
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);

CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

-- A committed sale is history: corrections are new records (refunds, voids), never edits.
CREATE TRIGGER sales_are_kept_update BEFORE UPDATE ON sales
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be changed'); END;
CREATE TRIGGER sales_are_kept_delete BEFORE DELETE ON sales
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be deleted'); END;
CREATE TRIGGER sale_lines_are_kept_update BEFORE UPDATE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be changed'); END;
CREATE TRIGGER sale_lines_are_kept_delete BEFORE DELETE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be deleted'); END;
CREATE TRIGGER tenders_are_kept_update BEFORE UPDATE ON tenders
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be changed'); END;
CREATE TRIGGER tenders_are_kept_delete BEFORE DELETE ON tenders
BEGIN SELECT RAISE(ABORT, 'committed sales cannot be deleted'); END;
