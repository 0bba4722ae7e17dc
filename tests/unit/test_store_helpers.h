/*
 * test_store_helpers.h - shared by the store unit tests: a fresh migrated
 * test database, and removing one together with its WAL and shared-memory
 * files.  Include after cmocka.h.
 */
#ifndef GM_TEST_STORE_HELPERS_H
#define GM_TEST_STORE_HELPERS_H

#include <stdio.h>
#include <unistd.h>

#include "store/store.h"

static inline void test_remove_db(const char *path)
{
    static const char *const sides[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s%s", path, sides[i]);
        unlink(p);
    }
}

/* Opens a new, fully migrated database at path (any old one is removed). */
static inline db *test_open_migrated(const char *path)
{
    test_remove_db(path);
    db *d;
    gm_err err;
    assert_int_equal(store_open(&d, path, &err), 0);
    assert_int_equal(store_migrate(d, NULL, &err), 0);
    return d;
}

/* Closes a test database and removes its files. */
static inline void test_close_removed(db *d, const char *path)
{
    db_close(d);
    test_remove_db(path);
}

#endif
