/*
 * file.c - reading whole small files (see file.h).
 */
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Why a file could not be opened, in Chinese (strerror is English). */
static const char *open_failure(int e)
{
    switch (e) {
    case ENOENT: return "文件不存在";
    case ENOTDIR: return "路径中有一段不是目录";
    case EACCES: case EPERM: return "没有读取权限";
    case EISDIR: return "这是一个目录,不是文件";
    case ENAMETOOLONG: return "路径过长";
    default: return "无法访问";
    }
}

static int read_all(FILE *f, const char *path, size_t max, char **buf, size_t *n,
                    const char *field, gm_err *err)
{
    size_t cap = 4096;
    *n = 0;
    *buf = malloc(cap + 1);
    if (!*buf)
        return gm_fail(err, GM_E_NOMEM, field, "内存不足");
    for (;;) {
        if (*n == cap) {
            if (cap > max)
                return gm_fail(err, GM_E_TOOLARGE, field, "文件 %s 超过 %zu 字节", path, max);
            char *grown = realloc(*buf, cap * 2 + 1);
            if (!grown)
                return gm_fail(err, GM_E_NOMEM, field, "内存不足");
            *buf = grown;
            cap *= 2;
        }
        size_t got = fread(*buf + *n, 1, cap - *n, f);
        *n += got;
        if (got == 0)
            break;
    }
    if (ferror(f))
        return gm_fail(err, GM_E_IO, field, "读取文件 %s 失败:%s", path, open_failure(errno));
    if (*n > max)
        return gm_fail(err, GM_E_TOOLARGE, field, "文件 %s 超过 %zu 字节", path, max);
    (*buf)[*n] = '\0';
    return 0;
}

int gm_read_file(const char *path, size_t max, char **out, size_t *len, const char *field,
                 gm_err *err)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return gm_fail(err, GM_E_IO, field, "无法打开文件 %s:%s", path, open_failure(errno));
    char *buf = NULL;
    size_t n = 0;
    int rc = read_all(f, path, max, &buf, &n, field, err);
    if (f != stdin)
        fclose(f);
    if (rc != 0) {
        free(buf);
        return rc;
    }
    *out = buf;
    *len = n;
    return 0;
}
