/*
 * request.h - one HTTP request as the handlers see it, and how they answer.
 *
 * A handler receives a gm_request whose session, actor and database
 * connection the router has already set up, and either answers with
 * reply_json() and returns 0, or returns a negative GM_E_* code with err
 * filled, which the router turns into {"error":{...}} with the matching
 * status.  Handlers never write partial results: each state change is one
 * store call, one transaction.
 */
#ifndef GM_HTTP_REQUEST_H
#define GM_HTTP_REQUEST_H

#include <jansson.h>
#include <stdbool.h>
#include "core/actor.h"
#include "store/db.h"

struct MHD_Connection;
struct gm_server;

#define GM_MAX_PATH_IDS 4

typedef struct gm_request {
    struct MHD_Connection *conn;
    struct gm_server *srv;
    const char *method;
    const char *path;
    char *body;                 /* NUL-terminated copy of the body (spooled: its head) */
    size_t body_len;
    /* A spooled body (gm_route.spool): the whole of it in an unlinked
     * temporary file, rewound (-1: none); body/body_len hold its first
     * GM_SPOOL_HEAD bytes only. */
    int upload_fd;
    unsigned long long upload_bytes;
    long long ids[GM_MAX_PATH_IDS];   /* {id} segments of the matched route */
    int n_ids;
    db *db;
    gm_actor actor;
    bool logged_in;
    char token_hash[65];
    char csrf[65];
    /* the answer */
    int status;
    char *resp;
    size_t resp_len;
    const char *content_type;
    char content_type_buf[128]; /* a type read from the database lives here, not on
                                   the handler's stack (the answer is sent after it) */
    char set_cookie[256];
    char allow[64];             /* Allow header of a 405 answer */
    char disposition[160];      /* Content-Disposition of a download ("" for none) */
    int resp_fd;                /* a download sent from a file instead of resp (-1: none) */
    unsigned long long resp_fd_len;
} gm_request;

/* Answers with status and obj serialised (steals the reference). */
int reply_json(gm_request *r, int status, json_t *obj);
/* Answers with status and JSON already written as text (taken; GM_E_NOMEM
 * when the text ran out of memory). */
struct json_text;
int reply_json_text(gm_request *r, int status, struct json_text *t);
/* Answers with status and a malloc'd JSON text (takes it). */
int reply_json_bytes(gm_request *r, int status, char *text, size_t len);
/* Answers with status and a malloc'd body of content_type (takes data). */
void reply_bytes(gm_request *r, int status, const char *content_type, void *data, size_t len);
/* Answers with status and the len bytes of the file fd (rewound; taken:
 * the server closes it once sent), for a download too big for memory. */
void reply_file(gm_request *r, int status, const char *content_type, int fd,
                unsigned long long len);
/* Answers {"error":{"code","message","field"}} for err. */
void reply_error(gm_request *r, const gm_err *err);
/* Request header or NULL. */
const char *request_header(gm_request *r, const char *name);
/* Query-string argument or NULL. */
const char *request_arg(gm_request *r, const char *name);
/* Query-string integer argument with a default; GM_E_INVALID if not a number. */
int request_arg_int(gm_request *r, const char *name, long long dflt, long long *out, gm_err *err);

/* Object-level authorisation: may the actor use perm on this unit?  Sets
 * the acting role for the audit row; GM_E_DENIED otherwise. */
int request_require_unit(gm_request *r, gm_perm perm, long long unit_id, gm_err *err);
/* The same on a unit already loaded (units_get), for a handler that checks
 * several permissions on one unit. */
struct gm_unit;
int request_require_loaded_unit(gm_request *r, gm_perm perm, const struct gm_unit *u,
                                gm_err *err);

/* For what is system-wide (the working calendar, lexicons, users without
 * grants): perm must be held on the root unit (every root, if several). */
int request_require_system(gm_request *r, gm_perm perm, gm_err *err);

#endif
