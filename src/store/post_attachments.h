/*
 * post_attachments.h - the images and videos attached to a post (§3 media
 * rules): stored with their real type (read from the bytes by the caller),
 * listed with the post, downloaded, taken off a draft, and judged against
 * each target platform's media preset when the post is submitted
 * (post_review.c).  Rows are archived, never deleted.
 */
#ifndef GM_STORE_POST_ATTACHMENTS_H
#define GM_STORE_POST_ATTACHMENTS_H

#include <jansson.h>
#include <stddef.h>

#include "core/actor.h"
#include "store/db.h"
#include "store/stored_file.h"

/* Largest attachment the API takes: the largest video a platform preset
 * allows (data/check/platforms.json: Douyin, Kuaishou 500 MB).  The upload
 * goes to a temporary file as it arrives and into the database in pieces,
 * never whole into memory. */
#define GM_POST_ATTACHMENT_MAX (500u * 1024u * 1024u)

/* Adds a file to a draft (or a returned post) of who's own: name without a
 * path, the first len (1..GM_POST_ATTACHMENT_MAX) bytes of fd, mime its
 * real type.  One transaction with its post step ("attach") and audit row,
 * so a failure halfway leaves nothing; *id = its id. */
int post_attachments_add(db *d, const gm_actor *who, long long post_id, const char *name,
                         const char *mime, int fd, unsigned long long len, long long *id,
                         gm_err *err);

/* Takes one off a draft of who's own (kept in the archive, removed_at). */
int post_attachments_remove(db *d, const gm_actor *who, long long post_id, long long att_id,
                            gm_err *err);

/* The post's attachments in force, oldest first: [{id, name, mime,
 * mime_label, bytes, created_at}]. */
int post_attachments_list(db *d, long long post_id, json_t **out, gm_err *err);

/* One attachment's name, type and size, its bytes written to fd (taken
 * off ones too: archived). */
int post_attachments_to_fd(db *d, long long post_id, long long att_id, stored_file *out, int fd,
                           gm_err *err);

#endif
