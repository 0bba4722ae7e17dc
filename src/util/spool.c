/*
 * spool.c - an upload kept in an unlinked temporary file (see spool.h).
 */
#include "util/spool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void drop_file(gm_spool *s)
{
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
}

int gm_spool_open(gm_spool *s, unsigned long long max, size_t head_cap, gm_err *err)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->max = max;
    s->head_cap = head_cap;
    s->head = malloc(head_cap + 1);
    if (!s->head)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    s->head[0] = '\0';
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/govmedia-upload-XXXXXX", dir && *dir ? dir : "/tmp");
    s->fd = mkstemp(path);
    if (s->fd < 0) {
        int rc = gm_fail(err, GM_E_IO, "file", "无法创建临时文件:%s", strerror(errno));
        gm_spool_close(s);
        return rc;
    }
    unlink(path);
    return GM_OK;
}

static int refuse_over(gm_spool *s, gm_err *err)
{
    char limit[32];
    gm_spool_size_text(s->max, limit, sizeof limit);
    return gm_fail(err, GM_E_TOOLARGE, "file", "文件超过大小上限 %s", limit);
}

static void keep_head(gm_spool *s, const char *data, size_t n)
{
    size_t take = s->head_cap - s->head_len < n ? s->head_cap - s->head_len : n;
    memcpy(s->head + s->head_len, data, take);
    s->head_len += take;
    s->head[s->head_len] = '\0';
}

static int write_all(int fd, const char *data, size_t n)
{
    while (n) {
        ssize_t w = write(fd, data, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        data += w;
        n -= (size_t)w;
    }
    return 0;
}

int gm_spool_add(gm_spool *s, const void *data, size_t n, gm_err *err)
{
    if (s->over)
        return refuse_over(s, err);
    if (s->fd < 0)
        return gm_fail(err, GM_E_IO, "file", "临时文件已关闭");
    if (s->max && s->bytes + n > s->max) {
        s->over = 1;
        drop_file(s);   /* nothing of it stays on disk */
        return refuse_over(s, err);
    }
    keep_head(s, data, n);
    if (write_all(s->fd, data, n) < 0) {
        int rc = gm_fail(err, GM_E_IO, "file", "写入临时文件失败:%s", strerror(errno));
        drop_file(s);
        return rc;
    }
    s->bytes += n;
    return GM_OK;
}

int gm_spool_take_fd(gm_spool *s)
{
    int fd = s->fd;
    if (fd >= 0 && lseek(fd, 0, SEEK_SET) != 0) {
        drop_file(s);
        return -1;
    }
    s->fd = -1;
    return fd;
}

void gm_spool_close(gm_spool *s)
{
    drop_file(s);
    free(s->head);
    s->head = NULL;
    s->head_len = s->head_cap = 0;
}

void gm_spool_size_text(unsigned long long bytes, char *out, size_t cap)
{
    const double mib = 1024.0 * 1024.0;
    if (bytes >= 1024 * 1024)
        snprintf(out, cap, bytes % (1024 * 1024) ? "%.1f MB" : "%.0f MB", bytes / mib);
    else
        snprintf(out, cap, bytes % 1024 ? "%.1f KB" : "%.0f KB", bytes / 1024.0);
}
