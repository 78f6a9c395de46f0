-- 0013: the journal kept compactly (a sale's records were 2.9 KB, 70% of it the journal).
-- Nothing it proves is lost: each event's hash is still over the payload's exact JSON text.
-- - payload: the text packed with zstd against a dictionary (first byte: 0 the text as it is,
--   N dictionary N); `journal_text(payload)` gives the text back. The dictionaries are kept
--   here, so the file can be read with zstd alone.
-- - uuid and hash: their 16 and 32 bytes instead of 36 and 64 characters.
-- - prev_hash: not stored, as it is the hash of the event before; kept only where an older
--   file's chain did not follow (a break the journal must go on showing).
-- - no index on uuid: nothing looks an event up by it, and it cost a b-tree write per event.
-- Runs with the store's SQL functions (journal_pack, journal_dictionary) on the connection.
CREATE TABLE journal_dictionaries (
    id   INTEGER PRIMARY KEY,
    zstd BLOB NOT NULL
);
INSERT INTO journal_dictionaries (id, zstd) VALUES (1, journal_dictionary(1));

CREATE TABLE journal_packed (
    seq       INTEGER PRIMARY KEY,
    uuid      BLOB NOT NULL CHECK (length(uuid) = 16),
    kind      TEXT NOT NULL,
    payload   BLOB NOT NULL CHECK (typeof(payload) = 'blob'),
    at        TEXT NOT NULL,
    staff_id  INTEGER REFERENCES staff (id),
    prev_hash BLOB CHECK (prev_hash IS NULL OR length(prev_hash) = 32),
    hash      BLOB NOT NULL CHECK (length(hash) = 32)
);

INSERT INTO journal_packed (seq, uuid, kind, payload, at, staff_id, prev_hash, hash)
SELECT seq, unhex(replace(uuid, '-', '')), kind, journal_pack(payload), at, staff_id,
       CASE WHEN prev_hash IS NOT coalesce(
                (SELECT p.hash FROM journal p WHERE p.seq < journal.seq ORDER BY p.seq DESC LIMIT 1),
                '0000000000000000000000000000000000000000000000000000000000000000')
            THEN unhex(prev_hash) END,
       unhex(hash)
FROM journal ORDER BY seq;

DROP TABLE journal;
ALTER TABLE journal_packed RENAME TO journal;

CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
