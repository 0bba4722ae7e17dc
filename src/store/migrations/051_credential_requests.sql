-- Requests for a delegated login (REQUIREMENTS §1: login rights for a live
-- event are delegated BY APPROVAL and expire): an operator asks for the
-- account's login until a time with a reason; the holding office (信息中心)
-- approves (which creates the credential_grants row) or rejects with a
-- reason.  store/vault_requests.c.
CREATE TABLE credential_requests (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts(id),
    user_id         INTEGER NOT NULL REFERENCES users(id),   -- who asks and would hold it
    reason          TEXT NOT NULL,
    expires_at      TEXT NOT NULL,   -- UTC ISO-8601: the end asked for
    state           TEXT NOT NULL CHECK (state IN ('pending','approved','rejected')),
    requested_at    TEXT NOT NULL,
    decided_by      TEXT,
    decided_at      TEXT,
    decision_reason TEXT,
    grant_id        INTEGER REFERENCES credential_grants(id)
);
CREATE INDEX credential_requests_account ON credential_requests(account_id, state);
