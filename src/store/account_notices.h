/*
 * account_notices.h - who is told about an account application (REQUIREMENTS
 * §1: "the supervisor approves or rejects"): a new application reaches the
 * supervisors whose reach covers the unit (待审批), and the approval or
 * rejection (with its reason) reaches the person who applied.  In-app only;
 * called inside the step's transaction, so the notice commits with it.
 */
#ifndef GM_STORE_ACCOUNT_NOTICES_H
#define GM_STORE_ACCOUNT_NOTICES_H

#include "store/accounts.h"

/* The application a (just written, version 1) waits for a supervisor. */
int account_notice_applied(db *d, const gm_account *a, gm_err *err);

/* a was approved (reason NULL) or rejected with reason: tell the applicant. */
int account_notice_decided(db *d, const gm_account *a, int approved, const char *reason,
                           gm_err *err);

#endif
