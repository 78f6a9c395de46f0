-- Where sync with head office stands: the last event head office acknowledged (with its hash, so
-- a replaced file is noticed), the last good sync, and the reference data version applied.
CREATE TABLE sync_state (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    acked_seq         INTEGER NOT NULL DEFAULT 0 CHECK (acked_seq >= 0),
    acked_hash        TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    last_good_sync    TEXT,
    reference_version INTEGER NOT NULL DEFAULT 0 CHECK (reference_version >= 0)
);
INSERT INTO sync_state (id) VALUES (1);
