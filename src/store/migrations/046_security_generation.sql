-- The security generation (issue 13): a number that moves with every commit
-- that changes what a session lookup reads — the sessions, the users, their
-- role grants and the units those grants name — and with nothing else.
-- store/session_memo.c keeps a lookup's outcome with the generation it was
-- read under, so ordinary writes (accounts, posts, audit rows) no longer
-- throw every kept lookup away; a login, logout, password change, disable,
-- grant, revoke or unit move does, at once, in every thread and process.
--
-- Triggers rather than the store functions bump it, so that nothing can
-- forget: the CLI, a migration, an operator's sqlite3 on the file all fire
-- them.  Any row changed in any way counts (no column lists: a new column
-- that matters to security is covered without anyone remembering it).
-- A later migration that rebuilds one of these tables (SQLite's
-- create-copy-drop) drops its triggers with it and must create them again;
-- tests/unit/test_security_generation.c fails if one is missing.
-- SQLite trigger syntax (like 001's audit triggers); the PostgreSQL schema
-- needs the same four tables' triggers as one plpgsql function.
CREATE TABLE security_generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO security_generation(id, value) VALUES (1, 0);

CREATE TRIGGER sessions_moves_security_generation_on_insert AFTER INSERT ON sessions
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_moves_security_generation_on_update AFTER UPDATE ON sessions
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_moves_security_generation_on_delete AFTER DELETE ON sessions
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER users_moves_security_generation_on_insert AFTER INSERT ON users
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER users_moves_security_generation_on_update AFTER UPDATE ON users
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER users_moves_security_generation_on_delete AFTER DELETE ON users
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER user_roles_moves_security_generation_on_insert AFTER INSERT ON user_roles
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER user_roles_moves_security_generation_on_update AFTER UPDATE ON user_roles
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER user_roles_moves_security_generation_on_delete AFTER DELETE ON user_roles
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER units_moves_security_generation_on_insert AFTER INSERT ON units
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER units_moves_security_generation_on_update AFTER UPDATE ON units
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER units_moves_security_generation_on_delete AFTER DELETE ON units
BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;
