-- 0015: a document adds its figures to its day (sales_by_day) in one go as it is written
-- (store::day_totals), instead of these triggers running a statement for each of its lines, VAT
-- classes and tenders: about a quarter of the processor's work in committing a sale. What the
-- table holds does not change, and `nanum check` still recounts it from the documents.
DROP TRIGGER sales_by_day_docs;
DROP TRIGGER sales_by_day_lines;
DROP TRIGGER sales_by_day_vat;
DROP TRIGGER sales_by_day_tenders;
