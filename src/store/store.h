/*
 * store.h - opening a govmedia database and bringing its schema up to date.
 *
 * store_open() opens a connection for one thread; store_migrate() applies
 * every embedded migration newer than the database's schema_version, each
 * in its own transaction, and never drops data.  Domain modules
 * (store/units.h, users.h, sessions.h, audit.h, ...) take the db handle.
 */
#ifndef GM_STORE_H
#define GM_STORE_H

#include "store/db.h"

int store_open(db **out, const char *path, gm_err *err);

/* Applies pending migrations; *applied = how many (may be NULL). */
int store_migrate(db *d, int *applied, gm_err *err);

/* Current schema version (0 for an empty database). */
int store_schema_version(db *d, int *version, gm_err *err);

/* The schema version this binary's migrations lead to. */
int store_schema_required(void);

/* Refuses a database whose schema is older or newer than this binary's. */
int store_require_current(db *d, gm_err *err);

/* meta key/value settings (e.g. "demo" = "1"). */
int store_meta_get(db *d, const char *key, char *buf, size_t cap, gm_err *err);
int store_meta_set(db *d, const char *key, const char *value, gm_err *err);

#endif
