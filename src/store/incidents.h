/*
 * incidents.h - public-opinion incidents (舆情) in the store: the response
 * plan's escalation chain of each unit, opening (by hand or from a
 * message), the timeline of actions and statements, level changes,
 * acknowledgements, the escalation run and closing with a summary.
 * core/incident.h decides who is notified and when a step is late.
 * Each step is one transaction with its timeline event, its audit row and
 * its notifications.
 */
#ifndef GM_STORE_INCIDENTS_H
#define GM_STORE_INCIDENTS_H

#include <jansson.h>
#include "core/actor.h"
#include "core/instant.h"
#include "store/db.h"

/* [{step, name, user_id|null, min_level, level_label, ack_minutes}] of unit_id. */
int incident_chain_get(db *d, long long unit_id, json_t **out, gm_err *err);
/* Replaces the unit's chain with steps (a JSON array of {name, user_id?,
 * min_level, ack_minutes}; numbered 1.. in order). */
int incident_chain_set(db *d, const gm_actor *who, long long unit_id, const json_t *steps,
                       gm_err *err);

typedef struct gm_incident_in {
    long long unit_id, message_id;  /* message_id 0: opened by hand */
    const char *title, *level, *text;
} gm_incident_in;

int incidents_open(db *d, const gm_actor *who, const gm_incident_in *in, gm_instant now,
                   long long *id_out, gm_err *err);

/* The unit of an incident (for access checks). */
int incidents_unit(db *d, long long id, long long *unit_id, gm_err *err);

/* kind: "action" (处置措施) or "statement" (发布口径/回应). */
int incidents_add_event(db *d, const gm_actor *who, long long id, const char *kind,
                        const char *text, gm_err *err);
/* A new level with a reason; raising it to 较大 or above notifies the steps
 * not notified yet. */
int incidents_set_level(db *d, const gm_actor *who, long long id, const char *level,
                        const char *reason, gm_instant now, gm_err *err);
/* Acknowledges step (0: the steps notified to the acting user). */
int incidents_ack(db *d, const gm_actor *who, long long id, int step, gm_instant now, gm_err *err);
int incidents_close(db *d, const gm_actor *who, long long id, const char *summary, gm_err *err);

/* Every open incident's notices that are late at now are escalated once:
 * the next step of the chain is told (or, after the last, the supervisors
 * of the parent unit).  *out: [{incident_id, step, name, escalated_to}]. */
int incidents_escalate(db *d, const gm_actor *who, gm_instant now, json_t **out, gm_err *err);

/* Lists (state "open"|"closed"|NULL, unit subtree) and one incident with
 * notices and timeline. */
int incidents_list(db *d, const gm_actor *scope, long long unit_id, const char *state,
                   json_t **out, gm_err *err);
int incidents_detail(db *d, long long id, json_t **out, gm_err *err);

#endif
