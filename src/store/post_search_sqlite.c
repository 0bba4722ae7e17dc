/*
 * post_search_sqlite.c - SQLite FTS5 (trigram tokenizer) behind
 * post_search.h.  Kept out of the migrations so the schema files stay
 * portable: the virtual table is created by post_search_ensure().
 *
 * The index is an external-content-free FTS5 table keyed by post id
 * (rowid); post_search_put() replaces a post's row whenever its title or
 * body changes, in the same transaction.
 */
#include "store/post_search.h"

#include <stdio.h>
#include <string.h>

int post_search_ensure(db *d, gm_err *err)
{
    return db_exec_script(d,
                          "CREATE VIRTUAL TABLE IF NOT EXISTS post_search USING "
                          "fts5(title, body, tokenize='trigram')",
                          err);
}

int post_search_put(db *d, long long post_id, const char *title, const char *body, gm_err *err)
{
    int rc = db_exec(d, err, "DELETE FROM post_search WHERE rowid=?", "i", post_id);
    if (!rc)
        rc = db_exec(d, err, "INSERT INTO post_search(rowid,title,body) VALUES(?,?,?)", "itt",
                     post_id, title, body);
    return rc;
}

/* Code points in s. */
static size_t cps(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

const char *post_search_where(void)
{
    return "(? IS NULL OR p.id IN (SELECT rowid FROM post_search WHERE post_search MATCH ?)) "
           "AND (? IS NULL OR instr(p.title,?) > 0 OR instr(p.body,?) > 0)";
}

void post_search_params(const char *q, char *buf, size_t cap, const char **fts,
                        const char **plain)
{
    *fts = *plain = NULL;
    if (!q || !*q)
        return;
    if (cps(q) < 3) {      /* the trigram index cannot match fewer than 3 characters */
        *plain = q;
        return;
    }
    /* one phrase: double the quotes inside, wrap in quotes */
    size_t w = 0;
    buf[w++] = '"';
    for (const char *s = q; *s && w + 3 < cap; s++) {
        if (*s == '"')
            buf[w++] = '"';
        buf[w++] = *s;
    }
    buf[w++] = '"';
    buf[w] = '\0';
    *fts = buf;
}
