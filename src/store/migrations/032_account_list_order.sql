-- The account list walks a unit subtree's accounts in id order
-- (account_query.c); with this index SQLite reads them in that order
-- instead of sorting every list (accounts_unit is (unit_id, platform)).
CREATE INDEX IF NOT EXISTS accounts_unit_order ON accounts(unit_id, id);
