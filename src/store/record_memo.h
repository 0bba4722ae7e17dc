/*
 * record_memo.h - what an account list needs of each stored record, without
 * parsing the record again on every list.
 *
 * A list entry shows no record, only what is derived from it (the
 * certification) and whether it is readable at all.  Parsing every row's
 * JSON was a third of a list's time (bench/api).  The memo keeps, per
 * thread and per account id, the record text last seen and its slim part;
 * an entry is used only while the stored text is byte for byte the same, so
 * a changed or damaged record (even one changed behind the program's back)
 * is parsed afresh.  Bounded: a fixed number of slots per thread, freed when
 * the thread exits.
 */
#ifndef GM_STORE_RECORD_MEMO_H
#define GM_STORE_RECORD_MEMO_H

#include <jansson.h>

/* The list's part of account id's record text: an object holding only the
 * record's "certification" (when it has one).  NULL when the text is not a
 * JSON record (the row is damaged).  The caller owns the reference. */
json_t *record_memo_slim(long long id, const char *text);

#endif
