-- accounts_unit_order (unit_id, id; 032) let SQLite give each unit's
-- accounts in id order for the account list, but it cost every new account
-- one more page in the WAL (5.7 instead of 4.7 frames per commit of an
-- application, bench/api).  The list now puts each unit's few accounts in id
-- order itself (account_query.c), so accounts_unit (unit_id, platform), which
-- the one-per-platform check needs, is again the only index on the unit.
DROP INDEX IF EXISTS accounts_unit_order;
