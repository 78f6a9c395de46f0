-- 0009: a number that goes up whenever the reference data changes (store details, settings, tax
-- classes, categories and their price guide, the colour calendar and its markdowns, staff), by
-- whoever changes it: the nightly sync, a manager's screen, another till, a script. A till that
-- stays open reads it (a one-row read) on each scan and every second, and reloads what it holds
-- in memory when it moved, so it never charges yesterday's markdown until restarted.
CREATE TABLE reference_changes (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL CHECK (version >= 0)
);
INSERT INTO reference_changes (id, version) VALUES (1, 0);

CREATE TRIGGER store_insert_changes_reference AFTER INSERT ON store
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER store_update_changes_reference AFTER UPDATE ON store
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER store_delete_changes_reference AFTER DELETE ON store
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER settings_insert_changes_reference AFTER INSERT ON settings
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER settings_update_changes_reference AFTER UPDATE ON settings
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER settings_delete_changes_reference AFTER DELETE ON settings
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tax_classes_insert_changes_reference AFTER INSERT ON tax_classes
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tax_classes_update_changes_reference AFTER UPDATE ON tax_classes
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tax_classes_delete_changes_reference AFTER DELETE ON tax_classes
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER categories_insert_changes_reference AFTER INSERT ON categories
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER categories_update_changes_reference AFTER UPDATE ON categories
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER categories_delete_changes_reference AFTER DELETE ON categories
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER price_guide_insert_changes_reference AFTER INSERT ON price_guide
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER price_guide_update_changes_reference AFTER UPDATE ON price_guide
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER price_guide_delete_changes_reference AFTER DELETE ON price_guide
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tag_colours_insert_changes_reference AFTER INSERT ON tag_colours
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tag_colours_update_changes_reference AFTER UPDATE ON tag_colours
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tag_colours_delete_changes_reference AFTER DELETE ON tag_colours
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER markdown_steps_insert_changes_reference AFTER INSERT ON markdown_steps
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER markdown_steps_update_changes_reference AFTER UPDATE ON markdown_steps
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER markdown_steps_delete_changes_reference AFTER DELETE ON markdown_steps
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER staff_insert_changes_reference AFTER INSERT ON staff
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
-- A sign-in's PIN counters are not reference data: only what the roster shows counts.
CREATE TRIGGER staff_update_changes_reference AFTER UPDATE OF uuid, name, role, pin_hash, active, phone, portal_id, duties ON staff
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER staff_delete_changes_reference AFTER DELETE ON staff
BEGIN UPDATE reference_changes SET version = version + 1 WHERE id = 1; END;
