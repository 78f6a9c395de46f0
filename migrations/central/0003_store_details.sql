-- A store's details as head office registered them, so a till joining head office prints its
-- business registration number (사업자등록번호), representative, address and phone on receipts
-- from its first sale. Empty where head office has not set them.
ALTER TABLE stores
    ADD COLUMN business_no    text NOT NULL DEFAULT '',
    ADD COLUMN representative text NOT NULL DEFAULT '',
    ADD COLUMN address        text NOT NULL DEFAULT '',
    ADD COLUMN phone          text NOT NULL DEFAULT '';
