-- Clerk mode's records (issue 7): what a clerk did at the kiosk, append-only, in the same file as
-- the journal so that the daily close and the exported logs read one consistent history.
-- Like the journal it holds ids, kinds, counts, money and codes only: the reason of a manual
-- refund is a code from a fixed list, never free text.

CREATE TABLE clerk_event (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,                       -- epoch milliseconds (UTC)
    kind            TEXT NOT NULL,                          -- ClerkEventKind
    transaction_id  TEXT REFERENCES kiosk_transaction (id), -- for refunds and look-ups
    amount          INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
    expected_amount INTEGER NOT NULL DEFAULT 0 CHECK (expected_amount >= 0),
    count           INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
    code            TEXT CHECK (code IS NULL OR (length(code) <= 64 AND code NOT GLOB '*[^A-Z0-9_]*'))
);

CREATE TRIGGER clerk_event_append_only_u BEFORE UPDATE ON clerk_event
BEGIN SELECT RAISE(ABORT, 'clerk_event is append-only'); END;
CREATE TRIGGER clerk_event_append_only_d BEFORE DELETE ON clerk_event
BEGIN SELECT RAISE(ABORT, 'clerk_event is append-only'); END;

CREATE INDEX clerk_event_by_time ON clerk_event (at);
CREATE INDEX clerk_event_by_transaction ON clerk_event (transaction_id);
