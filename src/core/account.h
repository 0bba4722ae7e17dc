/*
 * account.h - the account lifecycle state machine (no I/O, no SQL).
 *
 *   (none) -apply-> applied -approve-> approved -open-> opened
 *   applied -reject-> rejected
 *   opened|certified -file-> filed   (filing needs no certification)
 *   opened -certify-> certified      (platform certification done before filing)
 *   filed -change_people-> refiling_due -file-> filed
 *
 * Certification is an attribute of its own (pending / certified with a
 * date / failed, record.certification), recordable before or after
 * filing: certify is legal in every live state and moves only opened to
 * certified, and only when it records a success.
 *   opened|certified|filed|refiling_due -close-> closed, -merge-> merged
 *
 * change_people in opened/certified/refiling_due keeps the state (the
 * first filing or the pending re-filing carries the new people).  The
 * annual-review events (submit report, pass, fail) are legal in every
 * live state and keep it; the review itself has its own small machine in
 * account_review.h.  rejected, closed and merged are final: the record is
 * kept, never deleted.
 */
#ifndef GM_CORE_ACCOUNT_H
#define GM_CORE_ACCOUNT_H

#include "util/gm_error.h"

typedef enum gm_account_state {
    GM_ACCOUNT_NONE,         /* 未申请: no record yet, only "apply" is legal */
    GM_ACCOUNT_APPLIED,      /* 待审批 */
    GM_ACCOUNT_APPROVED,     /* 已批准 */
    GM_ACCOUNT_REJECTED,     /* 已驳回 (final) */
    GM_ACCOUNT_OPENED,       /* 已开通 */
    GM_ACCOUNT_CERTIFIED,    /* 已认证 */
    GM_ACCOUNT_FILED,        /* 已备案 */
    GM_ACCOUNT_REFILING_DUE, /* 待重新备案: people changed after filing */
    GM_ACCOUNT_CLOSED,       /* 已注销 (final) */
    GM_ACCOUNT_MERGED,       /* 已合并 (final) */
    GM_ACCOUNT_STATE_COUNT
} gm_account_state;

typedef enum gm_account_event {
    GM_EVENT_APPLY,
    GM_EVENT_APPROVE,
    GM_EVENT_REJECT,
    GM_EVENT_OPEN,
    GM_EVENT_CERTIFY,
    GM_EVENT_FILE,
    GM_EVENT_CHANGE_PEOPLE,
    GM_EVENT_SUBMIT_ANNUAL_REPORT,
    GM_EVENT_PASS_ANNUAL_REVIEW,
    GM_EVENT_FAIL_ANNUAL_REVIEW,
    GM_EVENT_CLOSE,
    GM_EVENT_MERGE,
    GM_ACCOUNT_EVENT_COUNT
} gm_account_event;

/* Computes the state after event.  Illegal: GM_E_CONFLICT with a message
 * naming the current state, e.g. 账号当前状态为“已批准”，不能执行“备案”. */
int account_transition(gm_account_state state, gm_account_event event,
                       gm_account_state *next, gm_err *err);

/* 1 if event is legal in state (same table as account_transition). */
int account_event_is_legal(gm_account_state state, gm_account_event event);

/* 1 for a live account on its platform: opened, certified, filed, refiling_due. */
int account_state_is_live(gm_account_state state);

/* 1 for a state that occupies its unit's slot on the platform: applied,
 * approved and every live state (see account_unique.h). */
int account_state_holds_platform_slot(gm_account_state state);

/* 1 for rejected, closed and merged. */
int account_state_is_final(gm_account_state state);

/* GM_OK if posts may be published to an account in this state, else
 * GM_E_CONFLICT naming the state (a closed account receives no posts). */
int account_can_receive_posts(gm_account_state state, gm_err *err);

/* Stable machine names ("refiling_due", "file") and Chinese labels. */
const char *account_state_name(gm_account_state state);
const char *account_state_label(gm_account_state state);
const char *account_event_name(gm_account_event event);
const char *account_event_label(gm_account_event event);

/* Parse machine names; GM_E_INVALID (field "state" / "event") otherwise. */
int account_state_parse(const char *name, gm_account_state *out, gm_err *err);
int account_event_parse(const char *name, gm_account_event *out, gm_err *err);

#endif
