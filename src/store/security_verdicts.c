/*
 * security_verdicts.c - reading and keeping the 安全问题 re-check verdicts
 * (see security_verdicts.h).
 */
#include "store/security_verdicts.h"

#include <stdlib.h>
#include <string.h>

#define BATCH 256

/* The kind as stored -> the static name the caller compares and prints. */
static const char *known_kind(const char *s)
{
    static const char *const kinds[] = {"严重表述错误", "涉密内容"};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(s, kinds[i]) == 0)
            return kinds[i];
    return NULL;
}

int security_verdict_get(db *d, long long publication_id, const char *judged_by,
                         const char *text_digest, int *found, security_verdict *out, gm_err *err)
{
    db_stmt *q;
    *found = 0;
    int rc = db_query(d, &q, err,
                      "SELECT kind, term FROM security_verdicts "
                      "WHERE publication_id = ? AND judged_by = ? AND text_digest = ?",
                      "itt", publication_id, judged_by, text_digest);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1) {
        const char *kind = db_is_null(q, 0) ? NULL : known_kind(db_text(q, 0));
        if (db_is_null(q, 0) || kind) {   /* a kind this program does not know: judge again */
            *found = 1;
            out->publication_id = publication_id;
            out->kind = kind;
            out->term = kind && !db_is_null(q, 1) ? strdup(db_text(q, 1)) : NULL;
        }
        rc = 0;
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static int put_batch(db *d, const char *judged_by, const char *at, const security_verdict *v,
                     size_t n, gm_err *err)
{
    int rc = db_begin(d, err);
    for (size_t i = 0; !rc && i < n; i++)
        rc = db_exec(d, err,
                     "INSERT INTO security_verdicts (publication_id, judged_by, text_digest, kind, "
                     "term, judged_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (publication_id) DO "
                     "UPDATE SET judged_by = excluded.judged_by, text_digest = excluded.text_digest, "
                     "kind = excluded.kind, term = excluded.term, judged_at = excluded.judged_at",
                     "ittttt", v[i].publication_id, judged_by, v[i].text_digest, v[i].kind,
                     v[i].term, at);
    return db_end(d, rc, err);
}

int security_verdicts_put(db *d, const char *judged_by, const char *at,
                          const security_verdict *v, size_t n, gm_err *err)
{
    int rc = GM_OK;
    for (size_t i = 0; !rc && i < n; i += BATCH)
        rc = put_batch(d, judged_by, at, v + i, n - i < BATCH ? n - i : BATCH, err);
    return rc;
}
