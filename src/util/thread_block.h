/*
 * thread_block.h - a block of memory of the calling thread, made on first
 * use and freed by the key's destructor when the thread exits (the
 * per-thread memos of the store: account_memo.c, session_memo.c).
 */
#ifndef GM_UTIL_THREAD_BLOCK_H
#define GM_UTIL_THREAD_BLOCK_H

#include <pthread.h>
#include <stddef.h>

/* The calling thread's block under key (created by the caller with
 * pthread_key_create and a destructor that frees it): count zeroed
 * elements of size bytes on first use.  NULL when out of memory. */
void *thread_block(pthread_key_t key, size_t count, size_t size);

#endif
