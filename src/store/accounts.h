/*
 * accounts.h - the account registry in the store: applying, every later
 * lifecycle step, the record's versions, and the checks other modules ask.
 *
 * Each action is one transaction: load the account, ask core whether the
 * event is legal (account_transition), write the new record as a new
 * version (account_versions), update the row, append one audit row.  An
 * illegal event is GM_E_CONFLICT naming the current state and changes
 * nothing.  The account's record is JSON: the application form plus what
 * later steps add (opening, certification, filing, changes, closing).
 * Validation of input happens here too, so the CLI and HTTP share it.
 */
#ifndef GM_STORE_ACCOUNTS_H
#define GM_STORE_ACCOUNTS_H

#include <jansson.h>
#include "core/account.h"
#include "core/actor.h"
#include "core/calendar.h"
#include "store/db.h"

typedef struct gm_account {
    long long id;
    long long unit_id;
    long long version;
    long long merged_into;     /* 0 when not merged */
    char unit_name[404];       /* 100 code points of up to 4 bytes */
    char unit_path[128];
    char platform[16];
    char name[260];
    gm_account_state state;
    char filing_due[11];       /* "" when not set */
    char refiling_due[11];
    char exception_reason[2004];   /* 500 code points of up to 4 bytes: never cut */
    char created_at[24], updated_at[24];
    int filed_late;            /* -1: not filed (or before this was kept), 0 on time, 1 late */
    int filed_late_days;
    json_t *record;            /* owned; accounts_release() frees it */
} gm_account;

void accounts_release(gm_account *a);

/* The columns account_from_row() reads, selected from accounts a joined
 * with their units u. */
#define ACCOUNT_COLUMNS                                                                         \
    "a.id,a.unit_id,a.version,COALESCE(a.merged_into,0),u.name,u.path,a.platform,a.name,"      \
    "a.state,COALESCE(a.filing_due,''),COALESCE(a.refiling_due,''),"                            \
    "COALESCE(a.exception_reason,''),a.created_at,a.updated_at,a.record,"                      \
    "COALESCE(a.filed_late,-1),COALESCE(a.filed_late_days,0)"

#define ACCOUNT_RECORD_COLUMN 14   /* a.record in ACCOUNT_COLUMNS */
#define ACCOUNT_PATH_COLUMN 5      /* u.path */
/* Each column's kind: 'i' read with db_int, 't' with db_text. */
#define ACCOUNT_COLUMN_KINDS "iiiitttttttttttii"

/* Reads one row of ACCOUNT_COLUMNS into out (release it with
 * accounts_release).  A damaged row (state unknown, record not JSON) is
 * GM_E_DB; id, unit_id and unit_name are filled even then. */
int account_from_row(db_stmt *q, gm_account *out, gm_err *err);

/* Loads one account (GM_E_NOTFOUND, field "id", when there is none). */
int accounts_get(db *d, long long id, gm_account *out, gm_err *err);

/* The account as the API shows it; as_of decides the overdue flags
 * ("YYYY-MM-DD", NULL: today in China).  The account list writes the same
 * entry (without "record") as text: account_text.h. */
json_t *account_to_json(const gm_account *a, const char *as_of);

/* The parts of account_to_json that the list's text writer shares: */
/* the platform's Chinese label (the stored name itself when unknown); */
const char *account_platform_label(const gm_account *a);
/* the overdue flags of an account in state st with these deadlines ("" for
 * none) as of the day as_of ("YYYY-MM-DD"; both 0 when it is not a date); */
void account_overdue_flags(gm_account_state st, const char *filing_due, const char *refiling_due,
                           const char *as_of, int *filing, int *refiling);
/* the platform certification, its own attribute: pending until recorded
 * (strings borrowed from a's record or static; date NULL when none). */
typedef struct account_certification {
    const char *status, *status_label, *date;
} account_certification;
void account_certification_of(const gm_account *a, account_certification *out);

/* Applies for an account of unit_id with the form in body (the fields of
 * 《新媒体建设申请表》, see account_form.h).  The one-per-platform and
 * internal-department rules are checked; exception_reason (may be NULL)
 * overrides them and is recorded.  stored (may be NULL) is filled with the
 * account as committed, read inside the transaction (release it with
 * accounts_release): the server's reply needs no read of its own. */
int accounts_apply(db *d, const gm_actor *who, long long unit_id, const json_t *form,
                   const char *exception_reason, long long *id_out, gm_account *stored,
                   gm_err *err);

/* A lifecycle step with its JSON input (see account_actions.c for each
 * action's fields): "approve", "reject", "open", "certify", "file",
 * "change", "close", "merge".  cal is needed by "change" only. */
int accounts_act(db *d, const gm_actor *who, const gm_calendar *cal, long long id,
                 const char *action, const json_t *input, gm_err *err);

/* Stores the QR-code image of the filing form (PNG or JPEG, at most
 * GM_QR_MAX_BYTES, checked from the bytes) as a new version of the record. */
#define GM_QR_MAX_BYTES (2 * 1024 * 1024)
int accounts_put_qr(db *d, const gm_actor *who, long long id, const void *data, size_t len,
                    gm_err *err);
/* The stored QR image; *data is malloc'd. */
int accounts_get_qr(db *d, long long id, char mime[32], void **data, size_t *len, gm_err *err);

/* GM_OK if posts may be published to the account now; GM_E_CONFLICT
 * naming its state otherwise (the check the posts module calls). */
int accounts_can_receive_posts(db *d, long long account_id, gm_err *err);

/* --- used by the action modules (account_actions.c, account_reviews.c) --- */

/* What one step writes: event, new state, the changed record (owned by
 * the caller), optional column updates (NULL: keep). */
typedef struct account_step {
    gm_account_event event;
    const char *event_name;     /* audit action suffix, e.g. "approve" */
    json_t *record;
    const char *filing_due;
    const char *refiling_due;
    long long merged_into;
    int keep_state;             /* 1: not a lifecycle event (e.g. a QR upload
                                   on a live account); event is ignored */
    int filing;                 /* 1: a filing: write filed_late(_days) below */
    int filed_late_days;        /* > 0: filed that many days after its deadline */
} account_step;

/* Inside a transaction: checks the event against a's state, writes the
 * version, the row and the audit row. */
int accounts_write_step(db *d, const gm_actor *who, const gm_account *a, const account_step *s,
                        gm_err *err);

/* A contact object ({name,title,office_phone,mobile}, plus qq and wechat
 * when with_extras): only known keys, strings only; the bad one named as
 * "who.key". */
int account_contact_json_check(const json_t *obj, const char *who, int with_extras, gm_err *err);
/* Borrows the contact's strings from o (NULL fields when absent). */
struct gm_contact;
void account_contact_from_json(const json_t *o, struct gm_contact *c);

#endif
