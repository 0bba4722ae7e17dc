/*
 * stored_reply.h - answering a download of a file kept in the database (a
 * post's or a meeting's attachment) without holding it whole in memory: its
 * bytes go from the database into an unlinked temporary file in pieces and
 * are sent from there.
 */
#ifndef GM_HTTP_STORED_REPLY_H
#define GM_HTTP_STORED_REPLY_H

#include "http/request.h"
#include "store/stored_file.h"

/* Writes the file att_id of owner (a post, a meeting) to fd; its name and
 * type into out.  store/post_attachments.h and store/meetings.h have one. */
typedef int (*stored_file_writer)(db *d, long long owner, long long att_id, stored_file *out,
                                  int fd, gm_err *err);

/* Answers 200 with the file att_id of owner as written by write, typed
 * with its stored type, as "attachment-<att_id>"; an error (404 no such
 * file, I/O) is returned and nothing is sent. */
int reply_stored_file(gm_request *r, stored_file_writer write, long long owner, long long att_id,
                      gm_err *err);

#endif
