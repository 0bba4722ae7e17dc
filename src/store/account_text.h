/*
 * account_text.h - an account's entry in the account list as JSON text,
 * made once per stored row and written into every list reply from then on.
 *
 * The entry is what account_to_json() shows without "record", byte for
 * byte what json_dumps(..., JSON_COMPACT) printed for it (test:
 * tests/unit/test_store_account_text.c).  Everything in it depends on the
 * row alone except the overdue flags, which depend on the day asked about:
 * they are left out of the kept text and written per reply between its two
 * halves.  Whether the caller may see the row is decided per request too
 * (account_query.c), never kept.  A kept text is immutable and counted:
 * the per-thread memo (account_memo.h) and each list holding it own a
 * reference; only the thread that made it touches it.
 */
#ifndef GM_STORE_ACCOUNT_TEXT_H
#define GM_STORE_ACCOUNT_TEXT_H

#include "store/accounts.h"
#include "util/json_text.h"
#include "util/list_select.h"

typedef struct account_text account_text;

/* The entry of a (its record parsed; read only for the certification).
 * GM_E_DB naming the account when a text of it is not valid UTF-8. */
int account_text_make(const gm_account *a, account_text **out, gm_err *err);
account_text *account_text_ref(account_text *t);
void account_text_unref(account_text *t);

/* The overdue flags of the entry as of the day as_of ("YYYY-MM-DD"). */
void account_text_overdue(const account_text *t, const char *as_of, int *filing, int *refiling);
/* Writes the entry with these flags and as_of. */
void account_text_write(json_text *out, const account_text *t, int filing, int refiling,
                        const char *as_of);
/* A field of the entry, for the list's search and sort. */
list_value account_text_value(const account_text *t, const char *key);

#endif
