-- 0012: a manager's approval is for one action: its kind, its amount and the document it is for.
-- It is written when the manager types their PIN, and used up in the action's own transaction;
-- used twice, for another amount or document, or after either person signed out, it is refused.
CREATE TABLE approvals (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    -- The approval as the journal keeps it (JSON: the action, its amount and what it is for).
    action       TEXT NOT NULL,
    requested_by INTEGER NOT NULL REFERENCES staff (id),
    approved_by  INTEGER NOT NULL REFERENCES staff (id),
    -- The journal event that recorded it: sign-outs after it end it.
    journal_seq  INTEGER NOT NULL,
    used_at      TEXT
);
