/*
 * duty.h - the holiday and weekend duty roster (值班) in the store: shifts
 * (who, which day, whether they lead the shift), the roster of a range of
 * days with its gaps (core/duty.h decides), and its xlsx export.
 */
#ifndef GM_STORE_DUTY_H
#define GM_STORE_DUTY_H

#include <jansson.h>
#include "core/actor.h"
#include "core/calendar.h"
#include "store/db.h"

/* How a working day with a shift is labelled (roster, export, add). */
#define DUTY_WORKING_DAY_LABEL "工作日(非节假日)"

typedef struct gm_shift_in {
    long long unit_id;
    const char *day, *person, *phone;
    int leader;
} gm_shift_in;

int duty_add(db *d, const gm_actor *who, const gm_shift_in *in, long long *id, gm_err *err);
/* The unit of a shift (for access checks). */
int duty_unit(db *d, long long id, long long *unit_id, gm_err *err);
int duty_remove(db *d, const gm_actor *who, long long id, gm_err *err);

/* {unit_id, from, to, days:[{date, weekday, working_day, day_label,
 *  shifts:[{id,person,leader,phone}], gap:null|"nobody"|"no_leader", gap_label}],
 *  gaps:[{date, gap, gap_label}]} over the non-working days of [from, to],
 * and the working days someone was put on (working_day true, never a gap). */
int duty_roster(db *d, const gm_calendar *cal, long long unit_id, gm_date from, gm_date to,
                json_t **out, gm_err *err);

/* The roster as an xlsx workbook (malloc'd bytes). */
int duty_roster_xlsx(db *d, const gm_calendar *cal, long long unit_id, gm_date from, gm_date to,
                     char **data, size_t *len, gm_err *err);

/* Units keeping a roster (any shift recorded), for the gap reminder job. */
int duty_units(db *d, long long *units, size_t cap, size_t *n, gm_err *err);

#endif
