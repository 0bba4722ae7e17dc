/*
 * notice_list.c - joining the names of a reminder (see notice_list.h).
 */
#include "jobs/notice_list.h"

#include <string.h>

void notice_list_add(notice_list *l, const char *piece)
{
    size_t len = strlen(l->text), k = strlen(piece), sep = len ? strlen("、") : 0;
    if (!l->cut && len + sep + k + sizeof "等" <= sizeof l->text) {
        if (sep)
            memcpy(l->text + len, "、", sep);
        memcpy(l->text + len + sep, piece, k + 1);
    } else if (!l->cut) {
        memcpy(l->text + len, "等", sizeof "等");
        l->cut = 1;
    }
    l->n++;
}
