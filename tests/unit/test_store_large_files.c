/*
 * test_store_large_files.c - files too big for memory (a post's video, up
 * to 500 MB): the spool takes an upload in pieces into an unlinked
 * temporary file, keeps its head for typing, counts its size as it comes
 * and drops the file at the first byte past the limit; the SQLite driver
 * moves such a file into a blob and back out in pieces, and a write that
 * fails halfway leaves no row (never half a write).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/db.h"
#include "test_store_helpers.h"
#include "util/spool.h"

/* Bytes that differ from piece to piece, so a misplaced piece shows. */
static void pattern(char *buf, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)((i * 31u + seed * 7u + (i >> 12)) & 0xff);
}

static void test_spool_keeps_the_head_and_the_whole_file(void **state)
{
    (void)state;
    gm_spool s;
    gm_err err;
    enum { PIECE = 300000, PIECES = 5 };
    char *piece = malloc(PIECE), *back = malloc(PIECE);
    assert_int_equal(gm_spool_open(&s, 2u * 1024 * 1024, 1000, &err), 0);
    for (unsigned i = 0; i < PIECES; i++) {
        pattern(piece, PIECE, i);
        assert_int_equal(gm_spool_add(&s, piece, PIECE, &err), 0);
    }
    assert_int_equal(s.bytes, (unsigned long long)PIECE * PIECES);
    pattern(piece, PIECE, 0);
    assert_int_equal(s.head_len, 1000);
    assert_memory_equal(s.head, piece, 1000);
    int fd = gm_spool_take_fd(&s);
    assert_true(fd >= 0);
    for (unsigned i = 0; i < PIECES; i++) {   /* rewound: the pieces in order */
        pattern(piece, PIECE, i);
        assert_int_equal(read(fd, back, PIECE), PIECE);
        assert_memory_equal(back, piece, PIECE);
    }
    assert_int_equal(read(fd, back, 1), 0);
    close(fd);
    gm_spool_close(&s);
    free(piece);
    free(back);
}

static int open_fds(void)
{
    int n = 0;
    for (int fd = 0; fd < 1024; fd++)
        n += fcntl(fd, F_GETFD) != -1;
    return n;
}

static void test_spool_refuses_the_first_byte_past_the_limit_and_drops_the_file(void **state)
{
    (void)state;
    gm_spool s;
    gm_err err;
    char piece[4096];
    pattern(piece, sizeof piece, 1);
    int before = open_fds();
    assert_int_equal(gm_spool_open(&s, 10000, 64, &err), 0);
    assert_int_equal(gm_spool_add(&s, piece, 4096, &err), 0);
    assert_int_equal(gm_spool_add(&s, piece, 4096, &err), 0);
    assert_int_equal(gm_spool_add(&s, piece, 10000 - 8192, &err), 0);   /* exactly the limit */
    assert_int_equal(gm_spool_add(&s, piece, 1, &err), GM_E_TOOLARGE);
    assert_string_equal(err.field, "file");
    assert_non_null(strstr(err.message, "9.8 KB"));   /* names the limit */
    assert_true(s.over);
    assert_int_equal(s.fd, -1);   /* the file is gone at once, not at the end of the upload */
    assert_int_equal(open_fds(), before);
    assert_int_equal(gm_spool_add(&s, piece, 1, &err), GM_E_TOOLARGE);   /* and stays refused */
    assert_int_equal(gm_spool_take_fd(&s), -1);
    gm_spool_close(&s);

    char text[32];
    gm_spool_size_text(500u * 1024 * 1024, text, sizeof text);
    assert_string_equal(text, "500 MB");
    gm_spool_size_text(1536u * 1024, text, sizeof text);
    assert_string_equal(text, "1.5 MB");
}

static char path[256];

static void test_blob_goes_in_and_out_in_pieces_and_a_failed_write_leaves_no_row(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/gm-test-large-%d.db", (int)getpid());
    test_remove_db(path);
    db *d;
    gm_err err;
    assert_int_equal(db_open(&d, path, &err), 0);
    assert_int_equal(db_exec_script(d, "CREATE TABLE f(id INTEGER PRIMARY KEY, data BLOB NOT NULL);",
                                    &err), 0);
    /* 3.5 MiB: more than one piece of the driver, the last one short */
    const size_t len = 3u * 1024 * 1024 + 512 * 1024;
    char *bytes = malloc(len), *back = malloc(len);
    pattern(bytes, len, 3);
    gm_spool s;
    assert_int_equal(gm_spool_open(&s, 0, 16, &err), 0);
    assert_int_equal(gm_spool_add(&s, bytes, len, &err), 0);
    int fd = gm_spool_take_fd(&s);
    gm_spool_close(&s);

    long long id;
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(db_query_int(d, &id, &err, "INSERT INTO f(data) VALUES(?) RETURNING id", "z",
                                  (long long)len), 0);
    assert_int_equal(db_blob_from_fd(d, "f", "data", id, fd, len, &err), 0);
    assert_int_equal(db_commit(d, &err), 0);

    gm_spool out;
    unsigned long long got = 0;
    assert_int_equal(gm_spool_open(&out, 0, 0, &err), 0);
    assert_int_equal(db_blob_to_fd(d, "f", "data", id, out.fd, &got, &err), 0);
    assert_int_equal(got, len);
    int rfd = gm_spool_take_fd(&out);
    gm_spool_close(&out);
    size_t have = 0;
    for (ssize_t n; have < len && (n = read(rfd, back + have, len - have)) > 0;)
        have += (size_t)n;
    assert_int_equal(have, len);
    assert_memory_equal(back, bytes, len);
    close(rfd);

    /* the file ends before the room made for it: an error, and the
     * transaction's rollback takes the row back */
    assert_int_equal(lseek(fd, (off_t)(len - 100), SEEK_SET), (off_t)(len - 100));
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(db_query_int(d, &id, &err, "INSERT INTO f(data) VALUES(?) RETURNING id", "z",
                                  (long long)len), 0);
    assert_int_equal(db_blob_from_fd(d, "f", "data", id, fd, len, &err), GM_E_IO);
    db_rollback(d);
    long long rows;
    assert_int_equal(db_query_int(d, &rows, &err, "SELECT COUNT(*) FROM f", ""), 0);
    assert_int_equal(rows, 1);
    close(fd);
    free(bytes);
    free(back);
    db_close(d);
    test_remove_db(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spool_keeps_the_head_and_the_whole_file),
        cmocka_unit_test(test_spool_refuses_the_first_byte_past_the_limit_and_drops_the_file),
        cmocka_unit_test(test_blob_goes_in_and_out_in_pieces_and_a_failed_write_leaves_no_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
