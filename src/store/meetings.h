/*
 * meetings.h - meetings and training (例会、培训) in the store: records with
 * attendees and minutes, attachments, and the months without the monthly
 * meeting (core/meeting.h decides).
 */
#ifndef GM_STORE_MEETINGS_H
#define GM_STORE_MEETINGS_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"
#include "store/stored_file.h"

#define GM_MEETING_ATTACHMENT_MAX (10 * 1024 * 1024)

typedef struct gm_meeting_in {
    long long unit_id;
    const char *held_on, *kind, *title, *minutes;
    const json_t *attendees;    /* array of names */
} gm_meeting_in;

int meetings_add(db *d, const gm_actor *who, const gm_meeting_in *in, long long *id, gm_err *err);
int meetings_unit(db *d, long long id, long long *unit_id, gm_err *err);
int meetings_detail(db *d, long long id, json_t **out, gm_err *err);

/* {meetings:[...], missing_monthly:["YYYY-MM",...], from, to} of unit_id over
 * the months [from, to]; months after `current` (the month of today) are
 * not judged, the current month only once a monthly meeting is held. */
int meetings_list(db *d, long long unit_id, int from_month, int to_month, int current_month,
                  json_t **out, gm_err *err);

/* The file, name given, of len bytes read from fd (a spooled upload), goes
 * into the database in pieces; 400 name/file, 413 over 10 MB. */
int meetings_attach(db *d, const gm_actor *who, long long id, const char *name, int fd,
                    unsigned long long len, long long *att_id, gm_err *err);
/* The attachment's name and type into out, its bytes written to fd. */
int meetings_attachment_to_fd(db *d, long long meeting_id, long long att_id, stored_file *out,
                              int fd, gm_err *err);

#endif
