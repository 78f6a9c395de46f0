-- 0014: the till's working tables, which every sale writes to, touch fewer b-trees (each one a
-- page the sale's commit writes and syncs). Nothing they hold or refuse changes.
-- - carts are known by their uuid, which is the table's key (WITHOUT ROWID), instead of a
--   number with the uuid in an index of its own; their lines are keyed by the cart's uuid and
--   line number, which is the table itself instead of a table and an index. Taking a sold cart
--   away touches three b-trees instead of five.
-- - receipts_owed has no index on its till: it holds only the receipts not printed yet, a few
--   rows, which a look through is quicker than keeping an index for every sale.
CREATE TABLE carts_0014 (
    uuid       TEXT PRIMARY KEY,
    till       TEXT NOT NULL,
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    state      TEXT NOT NULL CHECK (state IN ('open', 'parked')),
    note       TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO carts_0014 (uuid, till, staff_id, state, note, started_at, updated_at)
SELECT uuid, till, staff_id, state, note, started_at, updated_at FROM carts;

CREATE TABLE cart_lines_0014 (
    cart    TEXT NOT NULL REFERENCES carts_0014 (uuid) ON DELETE CASCADE,
    line_no INTEGER NOT NULL CHECK (line_no > 0),
    -- The line as the domain has it (JSON), so a resumed cart is exactly the one left.
    line    TEXT NOT NULL,
    PRIMARY KEY (cart, line_no)
) WITHOUT ROWID;
INSERT INTO cart_lines_0014 (cart, line_no, line)
SELECT c.uuid, l.line_no, l.line FROM cart_lines l JOIN carts c ON c.id = l.cart_id;

DROP TABLE cart_lines;
DROP TABLE carts;
-- Renaming also renames the reference in cart_lines_0014.
ALTER TABLE carts_0014 RENAME TO carts;
ALTER TABLE cart_lines_0014 RENAME TO cart_lines;
CREATE UNIQUE INDEX one_open_cart_per_till ON carts (till) WHERE state = 'open';

DROP INDEX receipts_owed_by_till;

-- The day's running totals take a line's or a VAT class's figures only where they are not 0:
-- most lines have no markdown, discount or donation, so a line now changes two of the day's
-- figures instead of five. A figure a day never had reads as 0, as before (the reports and
-- `nanum check` take a missing figure as 0).
DROP TRIGGER sales_by_day_lines;
CREATE TRIGGER sales_by_day_lines AFTER INSERT ON sale_lines
BEGIN
    INSERT INTO sales_by_day (business_date, figure, key, amount)
        SELECT s.business_date, f.figure, '', f.amount
        FROM sales s,
             (SELECT 'items' AS figure, CASE WHEN NEW.kind != 'donation' THEN NEW.quantity ELSE 0 END AS amount
              UNION ALL SELECT 'gross', CASE WHEN NEW.kind != 'donation' THEN NEW.amount ELSE 0 END
              UNION ALL SELECT 'markdowns',
                  CASE WHEN NEW.kind != 'donation' THEN (NEW.list_price - NEW.unit_price) * NEW.quantity ELSE 0 END
              UNION ALL SELECT 'discounts', NEW.discount
              UNION ALL SELECT 'donations', CASE WHEN NEW.kind = 'donation' THEN NEW.amount ELSE 0 END) f
        WHERE s.id = NEW.sale_id AND f.amount != 0
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
    INSERT INTO sales_by_day (business_date, figure, key, amount)
        SELECT s.business_date, 'returned', '', -NEW.amount FROM sales s
        WHERE s.id = NEW.sale_id AND s.kind != 'sale' AND NEW.kind != 'donation' AND NEW.amount != 0
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
END;

DROP TRIGGER sales_by_day_vat;
CREATE TRIGGER sales_by_day_vat AFTER INSERT ON sale_vat
BEGIN
    INSERT INTO sales_by_day (business_date, figure, key, amount)
        SELECT s.business_date, f.figure, NEW.tax_class, f.amount
        FROM sales s,
             (SELECT 'class_gross' AS figure, NEW.gross AS amount
              UNION ALL SELECT 'class_supply', NEW.supply
              UNION ALL SELECT 'class_vat', NEW.vat) f
        WHERE s.id = NEW.sale_id AND f.amount != 0
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
END;
