/*
 * calendars.h - the working calendar as the running program sees it: the
 * year files shipped in DATA_DIR/calendars/YYYY.txt, overridden year by
 * year by the files admins have loaded into the store.
 */
#ifndef GM_STORE_CALENDARS_H
#define GM_STORE_CALENDARS_H

#include <jansson.h>
#include "core/actor.h"
#include "core/calendar.h"
#include "store/db.h"

/* The data directory: $GOVMEDIA_DATA, else the compile-time GM_DATA_DIR. */
const char *calendars_data_dir(void);

/* Builds a calendar from data_dir's year files (NULL: calendars_data_dir())
 * and then the store's years.  The caller frees it with calendar_free. */
int calendars_load(db *d, const char *data_dir, gm_calendar **out, gm_err *err);

/* Validates one year file (it must parse and its header must be year;
 * year 0 accepts any) and stores it; one transaction with its audit row. */
int calendars_store_year(db *d, const gm_actor *who, int year, const char *text, size_t len,
                         int *year_out, gm_err *err);

/* The year file in force for year: the store's, else the shipped one
 * (*source "store" | "shipped"); GM_E_NOTFOUND naming "year" when neither
 * has it.  The caller frees *text. */
int calendars_year_text(db *d, const char *data_dir, int year, char **text, const char **source,
                        gm_err *err);

/* [{year, source: "store"|"shipped", loaded_at, loaded_by, loaded_by_name}] for every known year. */
int calendars_list(db *d, const char *data_dir, json_t **out, gm_err *err);

#endif
