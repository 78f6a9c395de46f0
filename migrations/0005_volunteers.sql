-- Volunteers: the roster's phone, portal member ID (1365/VMS) and the duties each person may
-- take; shifts signed in and out at the login screen; a manager's changes to a shift kept with
-- the times before and after and why; the store's closing time, when shifts nobody closed end.

ALTER TABLE staff ADD COLUMN phone TEXT;
ALTER TABLE staff ADD COLUMN portal_id TEXT;
-- A comma list of counter, sorting, pricing, intake; read strictly.
ALTER TABLE staff ADD COLUMN duties TEXT NOT NULL DEFAULT 'counter,sorting,pricing,intake';

CREATE TABLE shifts (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    staff_id      INTEGER NOT NULL REFERENCES staff (id),
    duty          TEXT NOT NULL CHECK (duty IN ('counter', 'sorting', 'pricing', 'intake')),
    started_at    TEXT NOT NULL,
    ended_at      TEXT,
    -- The local day it started: hours are credited to it, across midnight too.
    business_date TEXT NOT NULL,
    -- Closed by the store at closing time because nobody signed out; a manager confirms it.
    flagged       INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
    confirmed_by  INTEGER REFERENCES staff (id),
    confirmed_at  TEXT,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- Nobody is signed in twice.
CREATE UNIQUE INDEX shifts_one_open ON shifts (staff_id) WHERE ended_at IS NULL;
CREATE INDEX shifts_by_day ON shifts (business_date);
CREATE INDEX shifts_by_person ON shifts (staff_id, business_date);

CREATE TABLE shift_edits (
    id           INTEGER PRIMARY KEY,
    shift_id     INTEGER NOT NULL REFERENCES shifts (id),
    started_from TEXT NOT NULL,
    ended_from   TEXT,
    started_to   TEXT NOT NULL,
    ended_to     TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    manager_id   INTEGER NOT NULL REFERENCES staff (id),
    at           TEXT NOT NULL
);
CREATE TRIGGER shift_edits_keep_update BEFORE UPDATE ON shift_edits
BEGIN SELECT RAISE(ABORT, 'shift edits are never changed'); END;
CREATE TRIGGER shift_edits_keep_delete BEFORE DELETE ON shift_edits
BEGIN SELECT RAISE(ABORT, 'shift edits are never deleted'); END;

INSERT INTO settings (key, value) VALUES ('closing_time', '20:00');
