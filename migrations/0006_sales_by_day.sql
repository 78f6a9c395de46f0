-- Each day's sales figures kept up to date as documents are written, so a day's report and a
-- year's summary read a few rows per day instead of every line (reports stay fast on years of
-- history). Kept by triggers, so every writer (the till, the demo, a later sync) keeps them;
-- filled from the documents already there.

CREATE TABLE sales_by_day (
    business_date TEXT NOT NULL,
    -- docs (key: sale/refund/void), cash_receipts, cash_receipt_total, items, gross, returned,
    -- markdowns, discounts, donations, class_gross/class_supply/class_vat (key: tax class),
    -- tender (key: cash/card/store_credit), credit_used, credit_issued.
    figure        TEXT NOT NULL,
    key           TEXT NOT NULL DEFAULT '',
    amount        INTEGER NOT NULL,
    PRIMARY KEY (business_date, figure, key)
) WITHOUT ROWID;

CREATE TRIGGER sales_by_day_docs AFTER INSERT ON sales
BEGIN
    INSERT INTO sales_by_day (business_date, figure, key, amount) VALUES (NEW.business_date, 'docs', NEW.kind, 1)
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
    INSERT INTO sales_by_day (business_date, figure, key, amount)
        SELECT NEW.business_date, 'cash_receipts', '', 1 WHERE NEW.kind = 'sale' AND NEW.cash_receipt IS NOT NULL
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
    INSERT INTO sales_by_day (business_date, figure, key, amount)
        SELECT NEW.business_date, 'cash_receipt_total', '', NEW.total WHERE NEW.kind = 'sale' AND NEW.cash_receipt IS NOT NULL
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
END;

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
        WHERE s.id = NEW.sale_id
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
    INSERT INTO sales_by_day (business_date, figure, key, amount)
        SELECT s.business_date, 'returned', '', -NEW.amount FROM sales s
        WHERE s.id = NEW.sale_id AND s.kind != 'sale' AND NEW.kind != 'donation'
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
END;

CREATE TRIGGER sales_by_day_vat AFTER INSERT ON sale_vat
BEGIN
    INSERT INTO sales_by_day (business_date, figure, key, amount)
        SELECT s.business_date, f.figure, NEW.tax_class, f.amount
        FROM sales s,
             (SELECT 'class_gross' AS figure, NEW.gross AS amount
              UNION ALL SELECT 'class_supply', NEW.supply
              UNION ALL SELECT 'class_vat', NEW.vat) f
        WHERE s.id = NEW.sale_id
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
END;

CREATE TRIGGER sales_by_day_tenders AFTER INSERT ON tenders
BEGIN
    INSERT INTO sales_by_day (business_date, figure, key, amount)
        SELECT s.business_date, 'tender', NEW.kind, NEW.amount FROM sales s WHERE s.id = NEW.sale_id
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
    INSERT INTO sales_by_day (business_date, figure, key, amount)
        SELECT s.business_date, CASE WHEN NEW.amount > 0 THEN 'credit_used' ELSE 'credit_issued' END, '', abs(NEW.amount)
        FROM sales s WHERE s.id = NEW.sale_id AND NEW.kind = 'store_credit'
        ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount;
END;

-- The documents already written.
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT business_date, 'docs', kind, count(*) FROM sales GROUP BY business_date, kind;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT business_date, 'cash_receipts', '', count(*) FROM sales
    WHERE kind = 'sale' AND cash_receipt IS NOT NULL GROUP BY business_date;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT business_date, 'cash_receipt_total', '', sum(total) FROM sales
    WHERE kind = 'sale' AND cash_receipt IS NOT NULL GROUP BY business_date;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT s.business_date, 'items', '', coalesce(sum(l.quantity) FILTER (WHERE l.kind != 'donation'), 0)
    FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY s.business_date;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT s.business_date, 'gross', '', coalesce(sum(l.amount) FILTER (WHERE l.kind != 'donation'), 0)
    FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY s.business_date;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT s.business_date, 'markdowns', '',
           coalesce(sum((l.list_price - l.unit_price) * l.quantity) FILTER (WHERE l.kind != 'donation'), 0)
    FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY s.business_date;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT s.business_date, 'discounts', '', sum(l.discount)
    FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY s.business_date;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT s.business_date, 'donations', '', coalesce(sum(l.amount) FILTER (WHERE l.kind = 'donation'), 0)
    FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY s.business_date;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT s.business_date, 'returned', '', -sum(l.amount)
    FROM sale_lines l JOIN sales s ON s.id = l.sale_id
    WHERE s.kind != 'sale' AND l.kind != 'donation' GROUP BY s.business_date;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT s.business_date, f.figure, v.tax_class,
           sum(CASE f.figure WHEN 'class_gross' THEN v.gross WHEN 'class_supply' THEN v.supply ELSE v.vat END)
    FROM sale_vat v JOIN sales s ON s.id = v.sale_id,
         (SELECT 'class_gross' AS figure UNION ALL SELECT 'class_supply' UNION ALL SELECT 'class_vat') f
    GROUP BY s.business_date, f.figure, v.tax_class;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT s.business_date, 'tender', t.kind, sum(t.amount)
    FROM tenders t JOIN sales s ON s.id = t.sale_id GROUP BY s.business_date, t.kind;
INSERT INTO sales_by_day (business_date, figure, key, amount)
    SELECT s.business_date, CASE WHEN t.amount > 0 THEN 'credit_used' ELSE 'credit_issued' END, '', sum(abs(t.amount))
    FROM tenders t JOIN sales s ON s.id = t.sale_id
    WHERE t.kind = 'store_credit' GROUP BY s.business_date, t.amount > 0;
