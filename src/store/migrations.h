/*
 * migrations.h - the schema history embedded in the binary.
 *
 * Each src/store/migrations/NNN_name.sql is one step; version NNN is
 * applied once, in order, inside a transaction, and recorded in
 * schema_version.  Steps are never edited after release: a change to the
 * schema is a new file.
 */
#ifndef GM_MIGRATIONS_H
#define GM_MIGRATIONS_H

typedef struct gm_migration {
    int version;
    const char *name;
    const char *sql;
} gm_migration;

extern const gm_migration gm_migrations[];
extern const int gm_migration_count;

#endif
