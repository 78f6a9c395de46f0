-- nanum-central: every store's journal, and the tables head office queries, projected from it
-- in the same transaction. Every store's table is keyed by store_id first, so the same schema
-- can be distributed by store_id on Citus when one server is not enough (design.md §5).

CREATE TABLE stores (
    id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             integer NOT NULL UNIQUE CHECK (code BETWEEN 1 AND 9999),
    name             text NOT NULL,
    -- SHA-256 of the token (a token is 32 random bytes, so a fast hash is enough); the token
    -- itself is printed once and never kept.
    token_hash       text NOT NULL UNIQUE,
    old_token_hash   text,
    old_token_until  timestamptz,
    acked_seq        bigint NOT NULL DEFAULT 0,
    acked_hash       text NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    last_sync_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE journal (
    store_id    integer NOT NULL REFERENCES stores (id),
    seq         bigint NOT NULL,
    uuid        text NOT NULL,
    kind        text NOT NULL,
    -- The payload's exact text as the till hashed it, so the chain can be verified here again.
    payload     text NOT NULL,
    at          text NOT NULL,
    staff_id    bigint,
    prev_hash   text NOT NULL,
    hash        text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, seq)
);

-- Rejected uploads (a different event under an acknowledged seq, a broken chain): kept for
-- whoever looks into it.
CREATE TABLE refused_uploads (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    store_id  integer NOT NULL REFERENCES stores (id),
    at        timestamptz NOT NULL DEFAULT now(),
    reason    text NOT NULL,
    first_seq bigint,
    last_seq  bigint
);

CREATE TABLE sales (
    store_id      integer NOT NULL REFERENCES stores (id),
    uuid          text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('sale', 'refund', 'void')),
    business_date date NOT NULL,
    sale_no       integer NOT NULL,
    sold_at       timestamptz NOT NULL,
    staff_name    text NOT NULL,
    total         bigint NOT NULL,
    cash_receipt  boolean NOT NULL,
    -- The journal event that brought it: its lines, VAT and tenders refer to it by this number
    -- (an integer key is far cheaper to index than the UUID, and ingest writes ~6 rows a sale).
    seq           bigint NOT NULL,
    PRIMARY KEY (store_id, seq),
    UNIQUE (store_id, uuid)
);
CREATE INDEX sales_day ON sales (store_id, business_date);

-- A sale's lines, VAT and tenders come from the sale's own journal payload, written in the same
-- statement pipeline as the sale, so no foreign key checks them row by row (it cost a third of
-- the ingest time).
CREATE TABLE sale_lines (
    store_id   integer NOT NULL,
    sale_seq   bigint NOT NULL,
    line_no    integer NOT NULL,
    kind       text NOT NULL,
    code       text,
    name_ko    text NOT NULL,
    category   text,
    tax_class  text,
    list_price bigint NOT NULL,
    unit_price bigint NOT NULL,
    quantity   bigint NOT NULL,
    amount     bigint NOT NULL,
    discount   bigint NOT NULL,
    PRIMARY KEY (store_id, sale_seq, line_no)
);

CREATE TABLE sale_vat (
    store_id  integer NOT NULL,
    sale_seq  bigint NOT NULL,
    tax_class text NOT NULL,
    gross     bigint NOT NULL,
    supply    bigint NOT NULL,
    vat       bigint NOT NULL,
    PRIMARY KEY (store_id, sale_seq, tax_class)
);

CREATE TABLE tenders (
    store_id  integer NOT NULL,
    sale_seq  bigint NOT NULL,
    tender_no integer NOT NULL,
    kind      text NOT NULL,
    amount    bigint NOT NULL,
    PRIMARY KEY (store_id, sale_seq, tender_no)
);

CREATE TABLE donations (
    store_id      integer NOT NULL REFERENCES stores (id),
    uuid          text NOT NULL,
    business_date date NOT NULL,
    channel       text NOT NULL,
    donor_uuid    text,
    pieces        bigint NOT NULL,
    value         bigint NOT NULL,
    PRIMARY KEY (store_id, uuid)
);
CREATE INDEX donations_day ON donations (store_id, business_date);

CREATE TABLE shifts (
    store_id      integer NOT NULL REFERENCES stores (id),
    uuid          text NOT NULL,
    -- The person's id in the store's own file.
    staff_id      bigint,
    business_date date NOT NULL,
    started_at    timestamptz NOT NULL,
    ended_at      timestamptz,
    flagged       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (store_id, uuid)
);
CREATE INDEX shifts_day ON shifts (store_id, business_date);

CREATE TABLE till_sessions (
    store_id      integer NOT NULL REFERENCES stores (id),
    uuid          text NOT NULL,
    till          text NOT NULL,
    business_date date NOT NULL,
    opened_at     timestamptz NOT NULL,
    float         bigint NOT NULL,
    closed_at     timestamptz,
    expected      bigint,
    counted       bigint,
    PRIMARY KEY (store_id, uuid)
);

-- Reference data: each import is a new version holding the whole reference as JSON.
CREATE TABLE reference_versions (
    version    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    section    text NOT NULL,
    body       jsonb NOT NULL
);

-- People who may read the head-office pages (argon2 password hashes) and their sessions.
CREATE TABLE office_users (
    name          text PRIMARY KEY,
    password_hash text NOT NULL
);
CREATE TABLE office_sessions (
    token_hash text PRIMARY KEY,
    name       text NOT NULL REFERENCES office_users (name),
    expires_at timestamptz NOT NULL
);
