/*
 * vault_requests.h - asking for a delegated login and deciding on it
 * (REQUIREMENTS §1: login rights for a live event are delegated by approval
 * and expire).  An operator of the account's unit asks for the login until a
 * time (at most 30 days ahead) with a reason; the holding office is notified;
 * it approves - which creates the delegation (store/vault.h) in the same
 * transaction - or rejects with a reason; the asker is notified either way.
 * Each step is one transaction with its audit row (credential.request,
 * credential.request_approve / credential.request_reject).
 */
#ifndef GM_STORE_VAULT_REQUESTS_H
#define GM_STORE_VAULT_REQUESTS_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

/* A request by who; 409 "id" when who already has one pending for it. */
int vault_request(db *d, const gm_actor *who, long long account_id, const char *expires_at,
                  const char *reason, const char *now, long long *id_out, gm_err *err);

/* Approves (approve=1: the delegation is created) or rejects (approve=0:
 * reason required) a pending request of the account.  404 "request_id"
 * when there is none, 409 "state" when already decided, 409 "expires_at"
 * when the time asked for has passed. */
int vault_request_decide(db *d, const gm_actor *who, long long account_id, long long request_id,
                         int approve, const char *reason, const char *now, gm_err *err);

/* The account's requests, pending first then the latest decided (at most 20):
 * [{"id","user_id","user_login","user_name","reason","expires_at","state",
 *   "state_label","requested_at","decided_by","decided_by_name","decided_at",
 *   "decision_reason","grant_id"}]. */
int vault_requests_list(db *d, long long account_id, json_t **out, gm_err *err);

#endif
