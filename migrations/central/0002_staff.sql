-- Staff per store (design.md §5): a till receives only the people who work at it, with their PIN
-- hashes. Head office's staff import names each person's store(s); a till's own additions and
-- changes arrive as journal events. Between the two, the later change to a person wins.

CREATE TABLE staff (
    store_id    integer NOT NULL REFERENCES stores (id),
    uuid        text NOT NULL,
    name        text NOT NULL,
    role        text NOT NULL CHECK (role IN ('manager', 'cashier', 'volunteer')),
    -- NULL when the PIN was set at the till: head office never learns it, and the till keeps
    -- its own hash when head office sends the person back.
    pin_hash    text,
    active      boolean NOT NULL,
    -- Added at the till and not (yet) named by an import: an import that leaves them out keeps them.
    from_store  boolean NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (store_id, uuid)
);

-- Until now the newest reference carried one staff list for every store: each store keeps it,
-- as head office's own people, until the next import says who works where.
INSERT INTO staff (store_id, uuid, name, role, pin_hash, active, from_store, changed_at)
SELECT s.id, p->>'uuid', p->>'name', p->>'role', p->>'pin_hash', (p->>'active')::boolean, false, r.created_at
FROM stores s
CROSS JOIN (SELECT created_at, body FROM reference_versions ORDER BY version DESC LIMIT 1) r
CROSS JOIN LATERAL jsonb_array_elements(
    CASE jsonb_typeof(r.body -> 'staff') WHEN 'array' THEN r.body -> 'staff' ELSE '[]'::jsonb END) p;

UPDATE reference_versions SET body = body - 'staff';
