-- 013_filed_late: a filing made after its deadline stays marked late, with
-- by how many days (the inspection counts late filings).  NULL: not filed
-- since this column exists; 0 on time; 1 late.
ALTER TABLE accounts ADD COLUMN filed_late INTEGER;
ALTER TABLE accounts ADD COLUMN filed_late_days INTEGER;
