/*
 * spool.h - a body too big for memory (a video attached to a post), kept in
 * an unlinked temporary file as it arrives: its first bytes are also kept
 * in memory (to read its real type), its size is counted against a limit,
 * and the first byte past the limit drops the file at once, so an oversize
 * upload never fills the disk and leaves nothing behind.  The same file
 * carries a download out of the database to the HTTP server in pieces.
 */
#ifndef GM_UTIL_SPOOL_H
#define GM_UTIL_SPOOL_H

#include <stddef.h>

#include "util/gm_error.h"

typedef struct gm_spool {
    int fd;                   /* -1 when closed or dropped */
    unsigned long long bytes; /* taken so far */
    unsigned long long max;   /* 0: no limit */
    char *head;               /* the first head_cap bytes, NUL-terminated */
    size_t head_len, head_cap;
    int over;                 /* more than max came: dropped */
} gm_spool;

/* An empty spool in $TMPDIR (default /tmp), unlinked at once: it goes
 * away with its last descriptor whatever happens. */
int gm_spool_open(gm_spool *s, unsigned long long max, size_t head_cap, gm_err *err);

/* Takes n more bytes.  Past max: GM_E_TOOLARGE naming the limit, the file
 * dropped (s->over), every later call refused the same way. */
int gm_spool_add(gm_spool *s, const void *data, size_t n, gm_err *err);

/* Hands the descriptor over (rewound to the start); the spool keeps the
 * head.  -1 if dropped. */
int gm_spool_take_fd(gm_spool *s);

/* Closes what is left (descriptor, head). */
void gm_spool_close(gm_spool *s);

/* "500 MB" / "1.5 MB" / "300 KB": a limit as users read it. */
void gm_spool_size_text(unsigned long long bytes, char *out, size_t cap);

#endif
