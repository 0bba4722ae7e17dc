/*
 * managed_lists.h - lists admins maintain in the product, versioned.
 *
 * A managed list is a named, ordered list of JSON-object entries, each
 * identified by the string value of the list's key field (e.g. "term").
 * Every change is one transaction: the new entries, a version row (who,
 * when, the diff against the version before) and an audit row.  A list
 * that was never edited has no rows: its shipped default (a file under
 * data/, parsed by the feature that owns the list) applies, and the first
 * edit starts from that default.  Used by the compliance engine (lexicon,
 * allow list, context words, approved sources) and by any feature that
 * needs an admin-edited list; see docs/ARCHITECTURE.md "how to add a
 * managed list".
 */
#ifndef GM_STORE_MANAGED_LISTS_H
#define GM_STORE_MANAGED_LISTS_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

/* Validates a whole proposed list (array of entry objects) before it is
 * stored; return GM_E_INVALID with err filled to refuse it. */
typedef int (*managed_list_check_fn)(void *ctx, const json_t *entries, gm_err *err);

typedef struct managed_list_def {
    const char *name;             /* stable id, e.g. "lexicon" (also the audit object id) */
    const char *key_field;        /* entry field naming the entry, e.g. "term" */
    managed_list_check_fn check;  /* NULL: entries need only the key field */
    void *ctx;
} managed_list_def;

/* One admin action.  Arrays may be NULL.  replace (an import) is the whole
 * new list and excludes add/set/remove. */
typedef struct managed_list_change {
    const json_t *add;        /* new entries; their keys must not exist */
    const json_t *set;        /* entries replacing the existing ones of the same key */
    const json_t *remove;     /* keys (strings) that must exist */
    const json_t *replace;    /* import: the whole new list */
    long long expect_version; /* > 0: refuse (GM_E_CONFLICT) unless it is current */
    const char *note;         /* the admin's reason, may be NULL */
} managed_list_change;

/* The stored list: *entries = array (new reference) and *version >= 1; or
 * *entries = NULL and *version = 0 when it was never edited. */
int managed_list_get(db *d, const char *name, json_t **entries, long long *version, gm_err *err);

/* Applies ch on top of the stored list (or on top of defaults, an array
 * that may be NULL, when there is none yet).  Errors name the entry,
 * e.g. field "add[2].term".  A change that changes nothing is refused
 * (GM_E_INVALID) so versions always carry a diff.  *result =
 * {"list","version","diff"}. */
int managed_list_apply(db *d, const gm_actor *who, const managed_list_def *def,
                       const json_t *defaults, const managed_list_change *ch, json_t **result,
                       gm_err *err);

/* [{version, at, login, action, note, diff}] newest first (limit <= 0: all). */
int managed_list_versions(db *d, const char *name, long long limit, json_t **out, gm_err *err);

#endif
