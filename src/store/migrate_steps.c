/*
 * migrate_steps.c - the data steps of migrations (see migrate_steps.h).
 * 110 (migrations/110_extension_chains.sql): an answer extension counts only
 * when it was granted before the deadline it moves (seed 002, the rule since
 * session 25); every chain of extensions is walked in order and cut at its
 * first late one.
 */
#include "store/migrate_steps.h"
#include "core/instant.h"
#include "util/grow.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define VOID_REASON "延期在答复期限届满后才批准,不计入答复期限(迁移 110 更正)"

typedef struct chain_cut {
    long long message_id;
    char *at;             /* the first late extension's own time */
    char *until, *reason; /* the last extension in time (NULL: none) */
} chain_cut;

typedef struct cuts {
    chain_cut *v;
    size_t n, cap;
} cuts;

static void cuts_free(cuts *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].at);
        free(c->v[i].until);
        free(c->v[i].reason);
    }
    free(c->v);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* One extend event of the chain being walked. */
typedef struct chain_walk {
    long long message_id;   /* 0: none yet */
    gm_instant due;         /* the deadline in force */
    const char *until, *reason;
    json_t *last;           /* owns until/reason */
    int cut;                /* this chain is cut already */
} chain_walk;

static int walk_event(chain_walk *w, cuts *out, long long mid, const char *answer_due,
                      const char *at, const char *detail, gm_err *err)
{
    if (mid != w->message_id) {
        json_decref(w->last);
        *w = (chain_walk){.message_id = mid};
        instant_parse(answer_due, NULL, &w->due, NULL);
    }
    if (w->cut)
        return 0;
    json_t *j = json_loads(detail, 0, NULL);
    const char *granted = json_string_value(json_object_get(j, "granted_at"));
    const char *until = json_string_value(json_object_get(j, "until"));
    gm_instant g = 0, u = 0;
    if (instant_parse(granted ? granted : at, NULL, &g, NULL) || !until ||
        instant_parse(until, NULL, &u, NULL)) {
        json_decref(j);   /* unreadable: left as it is */
        return 0;
    }
    if (g <= w->due) {
        json_decref(w->last);
        w->last = j;
        w->due = u;
        w->until = until;
        w->reason = json_string_value(json_object_get(j, "reason"));
        return 0;
    }
    json_decref(j);
    w->cut = 1;
    if (gm_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v))
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    out->v[out->n++] = (chain_cut){mid, strdup(at), dup_or_null(w->until), dup_or_null(w->reason)};
    return 0;
}

/* The cut of every chain that has a late extension (read first, written after). */
static int find_cuts(db *d, cuts *out, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT m.id, m.answer_due, e.at, e.detail FROM messages m "
                      "JOIN message_events e ON e.message_id = m.id AND e.event = 'extend' "
                      "WHERE m.extended_until IS NOT NULL ORDER BY m.id, e.id", "");
    if (rc)
        return rc;
    chain_walk w = {0};
    while (!rc && (rc = db_next(q)) == 1)
        rc = walk_event(&w, out, db_int(q, 0), db_text(q, 1), db_text(q, 2), db_text(q, 3), err);
    json_decref(w.last);
    db_done(q);
    return rc < 0 ? rc : 0;
}

static int apply_cut(db *d, const chain_cut *c, gm_err *err)
{
    int rc = db_exec(d, err,
                     "UPDATE messages SET extended_until=?,extension_reason=COALESCE(?,extension_reason) "
                     "WHERE id=?", "tti", c->until, c->reason, c->message_id);
    return rc ? rc
              : db_exec(d, err,
                        "INSERT INTO message_events (message_id, at, event, login, detail) "
                        "VALUES (?, ?, 'extend_void', 'system:migration', ?)", "itt",
                        c->message_id, c->at, "{\"reason\":\"" VOID_REASON "\"}");
}

int migrate_extension_chains(db *d, gm_err *err)
{
    cuts c = {0};
    int rc = find_cuts(d, &c, err);
    for (size_t i = 0; !rc && i < c.n; i++)
        rc = apply_cut(d, &c.v[i], err);
    cuts_free(&c);
    return rc;
}

int migrate_data_step(db *d, int version, gm_err *err)
{
    return version == 110 ? migrate_extension_chains(d, err) : GM_OK;
}
