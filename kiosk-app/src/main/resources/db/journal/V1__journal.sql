-- The kiosk journal: ids, types, counts, money and error codes only. Never a PIN, a name, an
-- address or a document image: there is no column that could hold one.

CREATE TABLE kiosk_transaction (
    id                TEXT PRIMARY KEY,
    kiosk_id          TEXT NOT NULL,
    started_at        INTEGER NOT NULL, -- epoch milliseconds (UTC)
    state             TEXT NOT NULL,
    municipality_code TEXT,
    center_session_id TEXT,
    issuance_id       TEXT,
    recovered_at      INTEGER
);

-- Append-only: every transition, written before its side effect.
CREATE TABLE transaction_event (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    transaction_id TEXT NOT NULL REFERENCES kiosk_transaction (id),
    at             INTEGER NOT NULL,
    state          TEXT NOT NULL,
    code           TEXT
);

-- Documents ordered in a transaction (one row per document, copies counted).
CREATE TABLE ordered_document (
    transaction_id TEXT NOT NULL REFERENCES kiosk_transaction (id),
    document_id    TEXT NOT NULL,
    type           TEXT NOT NULL,
    copies         INTEGER NOT NULL CHECK (copies > 0),
    per_copy_fee   INTEGER NOT NULL CHECK (per_copy_fee >= 0),
    PRIMARY KEY (transaction_id, document_id)
);

-- Append-only cash movements: INSERTED, CHANGE_PAID, REFUND_PAID, REFUND_VOUCHER.
CREATE TABLE cash_event (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    transaction_id TEXT NOT NULL REFERENCES kiosk_transaction (id),
    at             INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount >= 0)
);

-- Append-only fee ledger: one row per printed copy with the municipality's and operator's part.
CREATE TABLE ledger_entry (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    transaction_id     TEXT NOT NULL REFERENCES kiosk_transaction (id),
    document_id        TEXT NOT NULL,
    copy_number        INTEGER NOT NULL,
    municipality_code  TEXT NOT NULL,
    type               TEXT NOT NULL,
    fee                INTEGER NOT NULL,
    municipality_share INTEGER NOT NULL,
    operator_share     INTEGER NOT NULL,
    at                 INTEGER NOT NULL,
    UNIQUE (transaction_id, document_id, copy_number),
    CHECK (municipality_share + operator_share = fee)
);

CREATE TRIGGER transaction_event_append_only_u BEFORE UPDATE ON transaction_event
BEGIN SELECT RAISE(ABORT, 'transaction_event is append-only'); END;
CREATE TRIGGER transaction_event_append_only_d BEFORE DELETE ON transaction_event
BEGIN SELECT RAISE(ABORT, 'transaction_event is append-only'); END;
CREATE TRIGGER cash_event_append_only_u BEFORE UPDATE ON cash_event
BEGIN SELECT RAISE(ABORT, 'cash_event is append-only'); END;
CREATE TRIGGER cash_event_append_only_d BEFORE DELETE ON cash_event
BEGIN SELECT RAISE(ABORT, 'cash_event is append-only'); END;
CREATE TRIGGER ledger_entry_append_only_u BEFORE UPDATE ON ledger_entry
BEGIN SELECT RAISE(ABORT, 'ledger_entry is append-only'); END;
CREATE TRIGGER ledger_entry_append_only_d BEFORE DELETE ON ledger_entry
BEGIN SELECT RAISE(ABORT, 'ledger_entry is append-only'); END;

CREATE INDEX transaction_open ON kiosk_transaction (state);
CREATE INDEX ledger_by_time ON ledger_entry (at);
CREATE INDEX cash_by_time ON cash_event (at);
