/*
 * check_origin.c - the origin line of an engine (see check_origin.h): a
 * BLAKE2b digest of the running program (read once per process from
 * /proc/self/exe) and of every file under data_dir (path and bytes, in any
 * order), and the list versions.
 */
#define _XOPEN_SOURCE 700
#include "http/check_origin.h"
#include "util/file.h"

#include <ftw.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIGEST 16
#define PROGRAM_MAX (512u << 20)
#define DATA_FILE_MAX (256u << 20)

static unsigned char program_digest[DIGEST];
static int program_known;
static pthread_once_t program_once = PTHREAD_ONCE_INIT;

/* Digest of path's bytes (with its name when name is given); -1 when unreadable. */
static int digest_file(const char *path, const char *name, size_t max, unsigned char out[DIGEST])
{
    char *bytes = NULL;
    size_t n = 0;
    gm_err err;
    if (gm_read_file(path, max, &bytes, &n, "file", &err))
        return -1;
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, DIGEST);
    if (name)
        crypto_generichash_update(&st, (const unsigned char *)name, strlen(name) + 1);
    crypto_generichash_update(&st, (const unsigned char *)bytes, n);
    crypto_generichash_final(&st, out, DIGEST);
    free(bytes);
    return 0;
}

static void read_program(void)
{
    program_known = sodium_init() >= 0 &&
                    digest_file("/proc/self/exe", NULL, PROGRAM_MAX, program_digest) == 0;
}

/* nftw has no context argument: the walk in progress (one at a time). */
static pthread_mutex_t walk_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char walk_sum[DIGEST];
static size_t walk_root_len;
static int walk_failed;

static int add_data_file(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    unsigned char d[DIGEST];
    if (type != FTW_F)
        return 0;
    if (digest_file(path, path + walk_root_len, DATA_FILE_MAX, d)) {
        walk_failed = 1;
        return 1;
    }
    for (int i = 0; i < DIGEST; i++)   /* order-free: each file's digest names its path */
        walk_sum[i] ^= d[i];
    return 0;
}

static int digest_data(const char *data_dir, unsigned char out[DIGEST])
{
    pthread_mutex_lock(&walk_lock);
    memset(walk_sum, 0, sizeof walk_sum);
    walk_root_len = strlen(data_dir);
    walk_failed = 0;
    int rc = nftw(data_dir, add_data_file, 16, FTW_PHYS);
    memcpy(out, walk_sum, DIGEST);
    rc = rc || walk_failed ? -1 : 0;
    pthread_mutex_unlock(&walk_lock);
    return rc;
}

void check_origin(const char *data_dir, const long long *versions, char out[CHECK_ORIGIN_MAX])
{
    unsigned char data[DIGEST], both[DIGEST];
    char hex[2 * DIGEST + 1];
    out[0] = '\0';
    pthread_once(&program_once, read_program);
    if (!program_known || !data_dir || digest_data(data_dir, data))
        return;
    for (int i = 0; i < DIGEST; i++)
        both[i] = program_digest[i] ^ data[i];
    sodium_bin2hex(hex, sizeof hex, both, DIGEST);
    size_t len = (size_t)snprintf(out, CHECK_ORIGIN_MAX, "engine=%s;lists=", hex);
    for (int k = 0; k < GM_LIST_COUNT && len < CHECK_ORIGIN_MAX; k++)
        len += (size_t)snprintf(out + len, CHECK_ORIGIN_MAX - len, "%s%s:%lld", k ? "," : "",
                                gm_list_name(k), versions[k]);
    if (len >= CHECK_ORIGIN_MAX)
        out[0] = '\0';   /* cut: better no origin than a wrong one */
}
