-- A post's summary (摘要, REQUIREMENTS §3.3): the line a WeChat article shows
-- under its title, checked like the title and, under the platform length
-- preset, held to the platform's own limit (120).  On the post and on each
-- archived version.  NULL: no summary.  Which length preset a unit follows
-- is part of its review policy (review_policies.policy JSON, "length_preset").
ALTER TABLE posts ADD COLUMN summary TEXT;
ALTER TABLE post_versions ADD COLUMN summary TEXT;
