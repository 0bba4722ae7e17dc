/*
 * thread_block.c - the calling thread's block of memory (see thread_block.h).
 */
#include "util/thread_block.h"

#include <stdlib.h>

void *thread_block(pthread_key_t key, size_t count, size_t size)
{
    void *block = pthread_getspecific(key);
    if (!block && (block = calloc(count, size)) && pthread_setspecific(key, block)) {
        free(block);
        block = NULL;
    }
    return block;
}
