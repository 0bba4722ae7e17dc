/*
 * account_query.h - reading the registry: filtered lists, an account's
 * versions and its timeline.
 */
#ifndef GM_STORE_ACCOUNT_QUERY_H
#define GM_STORE_ACCOUNT_QUERY_H

#include <jansson.h>
#include "core/actor.h"
#include "store/account_text.h"
#include "store/db.h"

typedef struct account_filter {
    long long unit_id;      /* 0: all; else this unit and everything below it */
    const char *platform;   /* NULL: all */
    const char *state;      /* NULL: all */
    const char *overdue;    /* NULL, "filing", "refiling" or "any" */
    const char *as_of;      /* "YYYY-MM-DD" for the overdue flags; NULL: today */
    const char *filed_late; /* NULL; "true": filed after the deadline; "false": filed in time */
} account_filter;

/* Checks the filter's values (GM_E_INVALID naming the bad one). */
int account_filter_validate(const account_filter *f, gm_err *err);

/* One entry of a list: the account's kept text with the overdue flags of
 * the list's day, or (a damaged row) {id, unit_id, unit_name,
 * "unreadable":true, error}. */
typedef struct account_entry {
    account_text *text;
    json_t *damaged;
    int filing, refiling;
    long long id;
    size_t unit_seq;    /* the entry's unit among the list's units, in path order */
} account_entry;

typedef struct account_entries {
    account_entry *v;
    size_t n, cap;
    char as_of[11];     /* the day of the overdue flags */
} account_entries;

/* The accounts matching f that scope may read (PERM_ACCOUNT_READ on the
 * account's unit), ordered by unit path and id; scope NULL means
 * everything (the local CLI).  Free with account_entries_free. */
int accounts_list_entries(db *d, const gm_actor *scope, const account_filter *f,
                          account_entries *out, gm_err *err);
void account_entries_free(account_entries *e);
/* Writes entry i of e (rows: an account_entries) as JSON; reads one field
 * of it for the list's search and sort (list_select.h). */
void account_entry_write(json_text *out, const void *e, size_t i);
list_value account_entry_value(const void *e, size_t i, const char *key);

/* The same list as a JSON array (the CLI). */
int accounts_list(db *d, const gm_actor *scope, const account_filter *f, json_t **out,
                  gm_err *err);

/* Every version of the account's record, oldest first. */
int accounts_versions(db *d, long long id, json_t **out, gm_err *err);

/* The account's audit rows (oldest first) with the version each wrote. */
int accounts_timeline(db *d, long long id, json_t **out, gm_err *err);

#endif
