/*
 * message_rules.h - routing rules for public messages (by keyword and kind
 * to the responsible department), editable by the supervisor of the
 * rule's scope unit.  core/message.h decides which rule wins.
 */
#ifndef GM_STORE_MESSAGE_RULES_H
#define GM_STORE_MESSAGE_RULES_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

typedef struct gm_rule_in {
    long long scope_unit_id, target_unit_id;
    int priority;
    const char *keyword;    /* NULL or "": any text */
    const char *kind;       /* NULL or "": any kind */
} gm_rule_in;

/* The department for a message of an account of the unit at unit_path:
 * the winning rule among those scoped to that unit or an ancestor.
 * *target = 0 and *rule_id = 0 when none matches. */
int message_rules_route(db *d, const char *unit_path, const char *kind, const char *text,
                        long long *target, long long *rule_id, gm_err *err);

/* Rules whose scope the actor may read (NULL: all). */
int message_rules_list(db *d, const gm_actor *scope, json_t **out, gm_err *err);
int message_rule_get(db *d, long long id, gm_rule_in *out, gm_err *err);
int message_rule_add(db *d, const gm_actor *who, const gm_rule_in *in, long long *id, gm_err *err);
int message_rule_update(db *d, const gm_actor *who, long long id, const gm_rule_in *in, gm_err *err);
int message_rule_delete(db *d, const gm_actor *who, long long id, gm_err *err);
json_t *message_rule_json(db *d, long long id);

#endif
