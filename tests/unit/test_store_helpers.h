/*
 * test_store_helpers.h - shared by the store unit tests: removing a test
 * database together with its WAL and shared-memory files.
 */
#ifndef GM_TEST_STORE_HELPERS_H
#define GM_TEST_STORE_HELPERS_H

#include <stdio.h>
#include <unistd.h>

static inline void test_remove_db(const char *path)
{
    static const char *const sides[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s%s", path, sides[i]);
        unlink(p);
    }
}

#endif
