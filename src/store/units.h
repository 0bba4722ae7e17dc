/*
 * units.h - the unit tree (单位) in the store.
 */
#ifndef GM_STORE_UNITS_H
#define GM_STORE_UNITS_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

typedef struct gm_unit {
    long long id;
    long long parent_id;    /* 0 for a root */
    char name[400];
    char kind[16];
    char path[128];
    char parent_name[400];  /* "" for a root: shown to people who cannot see the parent itself */
} gm_unit;

/* Adds a unit under parent_id (0: a new root); one transaction with its audit row. */
int units_add(db *d, const gm_actor *who, const char *name, const char *kind,
              long long parent_id, long long *id_out, gm_err *err);
int units_get(db *d, long long id, gm_unit *out, gm_err *err);
/* Units at or below any of the paths the actor can read (all when scope NULL). */
int units_list(db *d, const gm_actor *scope, json_t **out, gm_err *err);
json_t *unit_to_json(const gm_unit *u);

#endif
