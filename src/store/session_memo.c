/*
 * session_memo.c - the per-thread memo of session lookups (see
 * session_memo.h).
 *
 * A few direct-mapped slots per thread, chosen by the token hash's first
 * hex digit; a slot holds the full token hash, so it never answers for
 * another token.  Only the fields the lookup fills are kept and copied.
 */
#include "store/session_memo.h"
#include "util/clock.h"
#include "util/thread_block.h"

#include <stdlib.h>
#include <string.h>

#define MEMO_SLOTS 16

typedef struct memo_slot {
    char token_hash[SESSION_MEMO_HEX];
    session_memo_when when;
    char expires_at[GM_ISO_LEN];
    char csrf[SESSION_MEMO_HEX];
    long long user_id;
    char login[sizeof ((gm_actor *)0)->login];
    size_t n_grants;
    gm_grant grants[GM_MAX_GRANTS];
    long long grant_units[GM_MAX_GRANTS];
} memo_slot;

static pthread_key_t slots_key;
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static void make_key(void) { pthread_key_create(&slots_key, free); }

/* This thread's slots, made on first use; NULL when out of memory. */
static memo_slot *my_slots(void)
{
    pthread_once(&slots_once, make_key);
    return thread_block(slots_key, MEMO_SLOTS, sizeof(memo_slot));
}

static memo_slot *slot_for(const char *token_hash)
{
    memo_slot *slots = my_slots();
    return slots ? &slots[(unsigned char)token_hash[0] % MEMO_SLOTS] : NULL;
}

/* Kept under when: nothing committed since to sessions, users, grants or
 * units (the same generation of the same database). */
static bool still_current(const session_memo_when *kept, const session_memo_when *when)
{
    return when->generation >= 0 && kept->generation == when->generation &&
           kept->stamp.database == when->stamp.database;
}

bool session_memo_find(const char *token_hash, const session_memo_when *when, const char *now,
                       gm_actor *a, char csrf[SESSION_MEMO_HEX])
{
    memo_slot *s = slot_for(token_hash);
    if (!s || !s->user_id || strcmp(s->token_hash, token_hash) != 0 ||
        !still_current(&s->when, when) || strcmp(s->expires_at, now) <= 0)
        return false;
    a->user_id = s->user_id;
    memcpy(a->login, s->login, sizeof a->login);
    a->n_grants = s->n_grants;
    memcpy(a->grants, s->grants, s->n_grants * sizeof s->grants[0]);
    memcpy(a->grant_units, s->grant_units, s->n_grants * sizeof s->grant_units[0]);
    memcpy(csrf, s->csrf, SESSION_MEMO_HEX);
    return true;
}

void session_memo_keep(const char *token_hash, const session_memo_when *when,
                       const char *expires_at, const gm_actor *a,
                       const char csrf[SESSION_MEMO_HEX])
{
    memo_slot *s = slot_for(token_hash);
    if (!s)
        return;
    s->user_id = 0;   /* unusable until filled */
    if (strlen(token_hash) >= sizeof s->token_hash || strlen(expires_at) >= sizeof s->expires_at ||
        a->n_grants > GM_MAX_GRANTS || when->generation < 0)
        return;
    strcpy(s->token_hash, token_hash);
    strcpy(s->expires_at, expires_at);
    s->when = *when;
    memcpy(s->csrf, csrf, SESSION_MEMO_HEX);
    memcpy(s->login, a->login, sizeof s->login);
    s->n_grants = a->n_grants;
    memcpy(s->grants, a->grants, a->n_grants * sizeof a->grants[0]);
    memcpy(s->grant_units, a->grant_units, a->n_grants * sizeof a->grant_units[0]);
    s->user_id = a->user_id;
}
