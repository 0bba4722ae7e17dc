/*
 * media.c - the media rule: a file's real type (libmagic reads its bytes,
 * the name is ignored) and size against the platform's media policy.
 */
#include <errno.h>
#include <jansson.h>
#include <magic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "check/lexicon.h"
#include "check/mime_label.h"
#include "check/rules.h"

#define MIB (1024.0 * 1024.0)

static int mime_in(const json_t *kind, const char *mime)
{
    size_t i;
    const json_t *v;
    json_array_foreach(json_object_get(kind, "mime"), i, v)
        if (strcmp(json_string_value(v), mime) == 0)
            return 1;
    return 0;
}

static int real_mime(const char *path, char *mime, gm_err *err)
{
    magic_t mg = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
    if (!mg)
        return gm_fail(err, GM_E_INTERNAL, "media", "libmagic 初始化失败");
    const char *t = NULL;
    if (magic_load(mg, NULL) == 0)
        t = magic_file(mg, path);
    if (!t) {
        int rc = gm_fail(err, GM_E_INTERNAL, "media", "无法识别文件类型 %s: %s", path,
                         magic_error(mg) ? magic_error(mg) : "unknown");
        magic_close(mg);
        return rc;
    }
    snprintf(mime, 128, "%s", t);
    magic_close(mg);
    return 0;
}

static int add(gm_findings *fs, const char *cat, const char *term, const char *msg)
{
    gm_finding f = {.rule = "media", .field = "media", .category = (char *)cat,
                    .severity = GM_SEV_BLOCK, .term = (char *)term, .match = "",
                    .message = (char *)msg};
    return gm_findings_add(fs, &f, 0);
}

static int check_size(const json_t *kind, long long bytes, gm_findings *fs)
{
    long long lo = json_integer_value(json_object_get(kind, "min_bytes"));
    long long hi = json_integer_value(json_object_get(kind, "max_bytes"));
    char term[64], msg[200];
    if (bytes >= lo && bytes <= hi)
        return 0;
    snprintf(term, sizeof term, "%lld-%lld", lo, hi);
    snprintf(msg, sizeof msg, "文件大小 %.2f MB 不在允许范围 %.2f–%.2f MB 内", bytes / MIB, lo / MIB,
             hi / MIB);
    return add(fs, "size", term, msg);
}

int gm_media_mime_of_bytes(const void *data, size_t len, char *mime, gm_err *err)
{
    magic_t mg = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
    if (!mg)
        return gm_fail(err, GM_E_INTERNAL, "media", "libmagic 初始化失败");
    const char *t = magic_load(mg, NULL) == 0 ? magic_buffer(mg, data, len) : NULL;
    int rc = t ? GM_OK
               : gm_fail(err, GM_E_INTERNAL, "media", "无法识别文件类型: %s",
                         magic_error(mg) ? magic_error(mg) : "unknown");
    if (t)
        snprintf(mime, 128, "%s", t);
    magic_close(mg);
    return rc;
}

int gm_media_judge(const char *mime, long long bytes, const void *policy_json, gm_findings *fs,
                   const char **kind, gm_err *err)
{
    const json_t *policy = policy_json;
    const json_t *image = json_object_get(policy, "image");
    const json_t *video = json_object_get(policy, "video");
    if (mime_in(image, mime)) {
        *kind = "image";
        return check_size(image, bytes, fs) ? gm_fail(err, GM_E_NOMEM, "", "内存不足") : 0;
    }
    if (mime_in(video, mime)) {
        *kind = "video";
        return check_size(video, bytes, fs) ? gm_fail(err, GM_E_NOMEM, "", "内存不足") : 0;
    }
    *kind = "other";
    char msg[300];
    const char *name = gm_mime_label(mime);   /* "PNG 图像(image/png)" */
    snprintf(msg, sizeof msg, "文件实际类型为 %s%s%s%s,不是该平台允许的图片或视频格式", name ? name : "",
             name ? "(" : "", mime, name ? ")" : "");
    return add(fs, "type", mime, msg) ? gm_fail(err, GM_E_NOMEM, "", "内存不足") : 0;
}

int gm_media_check(const char *path, const void *policy_json, gm_findings *fs, char *mime,
                   const char **kind, long long *bytes, gm_err *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return gm_fail(err, GM_E_INVALID, "media", "无法读取媒体文件 %s: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return gm_fail(err, GM_E_INVALID, "media", "%s 不是普通文件", path);
    *bytes = (long long)st.st_size;
    int rc = real_mime(path, mime, err);
    return rc ? rc : gm_media_judge(mime, *bytes, policy_json, fs, kind, err);
}
