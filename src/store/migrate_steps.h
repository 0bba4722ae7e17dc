/*
 * migrate_steps.h - the parts of schema migrations that portable SQL cannot
 * do (reading JSON detail), run in C right after their migration's script
 * and inside its transaction (store.c).
 */
#ifndef GM_STORE_MIGRATE_STEPS_H
#define GM_STORE_MIGRATE_STEPS_H

#include "store/db.h"

/* The data step of migration version (GM_OK when it has none). */
int migrate_data_step(db *d, int version, gm_err *err);

/* 110: answer extension chains cut at their first late extension. */
int migrate_extension_chains(db *d, gm_err *err);

#endif
