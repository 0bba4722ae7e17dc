/*
 * notice_list.h - the names a reminder lists in one notice body: pieces
 * joined by "、", ending in "等" once the next one would not fit, and the
 * count of everything listed.  Used by the reminder jobs (job_reviews.c,
 * job_accounts.c).
 */
#ifndef GM_JOBS_NOTICE_LIST_H
#define GM_JOBS_NOTICE_LIST_H

typedef struct notice_list {
    char text[600];
    int n, cut;
} notice_list;

/* Appends piece (already formatted) and counts it. */
void notice_list_add(notice_list *l, const char *piece);

#endif
