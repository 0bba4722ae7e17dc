-- A post's declaration that it is a lawful disclosure in which personal data
-- may stay (REQUIREMENTS §2, seed 002: 除惩戒公示、强制性信息披露外 personal
-- information is de-identified): the kind and the legal basis, on the post
-- and on each archived version (core/post_disclosure.h).  NULL: no declaration.
ALTER TABLE posts ADD COLUMN disclosure_type TEXT;
ALTER TABLE posts ADD COLUMN disclosure_basis TEXT;
ALTER TABLE post_versions ADD COLUMN disclosure_type TEXT;
ALTER TABLE post_versions ADD COLUMN disclosure_basis TEXT;
