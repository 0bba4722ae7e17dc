-- The credential vault (REQUIREMENTS §1: platform passwords are held by one
-- office and never leaked; login rights for a live event are delegated by
-- approval and expire): each account's platform login, sealed with a key
-- kept outside the database (store/vault_crypto.c), the delegations, and a
-- log of every reveal (also in the audit chain).
CREATE TABLE credentials (
    account_id  INTEGER PRIMARY KEY REFERENCES accounts(id),
    nonce       TEXT NOT NULL,   -- hex
    sealed      TEXT NOT NULL,   -- hex of crypto_secretbox_easy({"login","password","note"})
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE TABLE credential_grants (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    user_id     INTEGER NOT NULL REFERENCES users(id),
    reason      TEXT NOT NULL,
    expires_at       TEXT NOT NULL,   -- UTC ISO-8601: the delegation expires then
    granted_by  TEXT NOT NULL,
    granted_at  TEXT NOT NULL
);
CREATE INDEX credential_grants_account ON credential_grants(account_id, user_id);
CREATE TABLE credential_access (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    user_id     INTEGER,
    login       TEXT NOT NULL,
    at          TEXT NOT NULL,
    client_addr TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    grant_id    INTEGER          -- NULL: the holding office itself
);
CREATE INDEX credential_access_account ON credential_access(account_id, id);
