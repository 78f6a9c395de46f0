-- 0010: every sale, refund, void and cash move goes through a till session that is open when it
-- is written, or it would be missing from that till's X and Z reports. The store checks this in
-- the document's own transaction; these triggers refuse the same to any other writer (a script,
-- a future screen). Documents already in the file are left as they are: `check` reads them.
CREATE TRIGGER sales_need_an_open_session BEFORE INSERT ON sales
WHEN NEW.session_id IS NULL
    OR (SELECT closed_at FROM till_sessions WHERE id = NEW.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a document needs an open till session');
END;

CREATE TRIGGER cash_moves_need_an_open_session BEFORE INSERT ON cash_moves
WHEN (SELECT closed_at FROM till_sessions WHERE id = NEW.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a cash move needs an open till session');
END;
