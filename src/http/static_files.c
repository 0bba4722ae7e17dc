/*
 * static_files.c - the console's files, loaded once and served from memory.
 *
 * Each file becomes two prepared libmicrohttpd responses (200 with the
 * bytes, 304 without), shared by every worker thread (MHD reference-counts
 * queued responses).  The ETag is a BLAKE2b hash of the content, so it
 * changes exactly when the file does.  Files under /assets/ are named by
 * their content hash in a Vite build and may be cached for a year; all
 * others (index.html above all) must be revalidated, which costs a 304.
 * The console is a single-page app with one URL per page: a path that names
 * no file and has no extension (/accounts/4) is answered with index.html,
 * and the browser's router shows the page.
 */
#include "http/static_files.h"

#include <dirent.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE_BYTES (64u * 1024 * 1024)
#define CSP "default-src 'self'; frame-ancestors 'none'"

typedef struct web_file {
    char *url;                     /* "/index.html" */
    char etag[36];                 /* "\"<32 hex>\"" */
    struct MHD_Response *ok, *not_modified;
} web_file;

struct static_files {
    web_file *files;               /* sorted by url */
    size_t n, cap;
};

static const char *mime_of(const char *path)
{
    static const struct { const char *ext, *mime; } types[] = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json"}, {".map", "application/json"},
        {".png", "image/png"}, {".jpg", "image/jpeg"}, {".gif", "image/gif"},
        {".webp", "image/webp"}, {".svg", "image/svg+xml"}, {".ico", "image/x-icon"},
        {".woff", "font/woff"}, {".woff2", "font/woff2"}, {".ttf", "font/ttf"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].mime;
    return "application/octet-stream";
}

static void add_common_headers(struct MHD_Response *r, const web_file *f)
{
    MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, f->etag);
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                            strncmp(f->url, "/assets/", 8) == 0 ? "public, max-age=31536000, immutable"
                                                                 : "no-cache");
}

/* Builds the two responses for data (taken: freed with the response). */
static int make_responses(web_file *f, void *data, size_t len)
{
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, data, len, NULL, 0);
    f->etag[0] = '"';
    sodium_bin2hex(f->etag + 1, 33, digest, sizeof digest);
    strcat(f->etag, "\"");
    f->ok = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    if (!f->ok) {
        free(data);
        return -1;
    }
    f->not_modified = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!f->not_modified)
        return -1;
    MHD_add_response_header(f->ok, MHD_HTTP_HEADER_CONTENT_TYPE, mime_of(f->url));
    MHD_add_response_header(f->ok, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(f->ok, "Content-Security-Policy", CSP);
    add_common_headers(f->ok, f);
    add_common_headers(f->not_modified, f);
    return 0;
}

static void *read_whole(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    struct stat st;
    if (!fp)
        return NULL;
    char *buf = NULL;
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= MAX_FILE_BYTES &&
        (buf = malloc((size_t)st.st_size + 1)) && fread(buf, 1, (size_t)st.st_size, fp) != (size_t)st.st_size) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    *len = buf ? (size_t)st.st_size : 0;
    return buf;
}

static int add_file(static_files *sf, const char *path, const char *url, gm_err *err)
{
    size_t len;
    void *data = read_whole(path, &len);
    if (!data)
        return gm_fail(err, GM_E_IO, "web", "无法读取控制台文件 %s", path);
    if (sf->n == sf->cap) {
        size_t cap = sf->cap ? sf->cap * 2 : 32;
        web_file *p = realloc(sf->files, cap * sizeof *p);
        if (!p) {
            free(data);
            return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
        }
        sf->files = p;
        sf->cap = cap;
    }
    web_file *f = &sf->files[sf->n];
    memset(f, 0, sizeof *f);
    f->url = strdup(url);
    sf->n++;                          /* counted first: static_files_free cleans up */
    if (!f->url || make_responses(f, data, len) != 0)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    return GM_OK;
}

static int load_dir(static_files *sf, const char *dir, const char *url_prefix, int depth, gm_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return depth == 0 ? GM_OK : gm_fail(err, GM_E_IO, "web", "无法读取目录 %s", dir);
    int rc = GM_OK;
    struct dirent *e;
    while (!rc && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[2048], url[1024];
        struct stat st;
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path ||
            (size_t)snprintf(url, sizeof url, "%s/%s", url_prefix, e->d_name) >= sizeof url ||
            stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth < 16)
            rc = load_dir(sf, path, url, depth + 1, err);
        else if (S_ISREG(st.st_mode))
            rc = add_file(sf, path, url, err);
    }
    closedir(d);
    return rc;
}

static int by_url(const void *a, const void *b)
{
    return strcmp(((const web_file *)a)->url, ((const web_file *)b)->url);
}

int static_files_load(static_files **out, const char *dir, gm_err *err)
{
    static_files *sf = calloc(1, sizeof *sf);
    if (!sf)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    int rc = load_dir(sf, dir, "", 0, err);
    if (rc) {
        static_files_free(sf);
        return rc;
    }
    if (sf->n)
        qsort(sf->files, sf->n, sizeof *sf->files, by_url);
    *out = sf;
    return GM_OK;
}

void static_files_free(static_files *sf)
{
    if (!sf)
        return;
    for (size_t i = 0; i < sf->n; i++) {
        if (sf->files[i].ok)
            MHD_destroy_response(sf->files[i].ok);
        if (sf->files[i].not_modified)
            MHD_destroy_response(sf->files[i].not_modified);
        free(sf->files[i].url);
    }
    free(sf->files);
    free(sf);
}

static enum MHD_Result answer_text(struct MHD_Connection *c, unsigned status, const char *text)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text), (void *)text,
                                                             MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain; charset=utf-8");
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

/* A console page (/accounts/4): no file extension in the last segment. */
static bool is_page_url(const char *url)
{
    const char *last = strrchr(url, '/');
    return last && !strchr(last, '.') && strncmp(url, "/assets/", 8) != 0;
}

static const web_file *find(const static_files *sf, const char *url)
{
    web_file key = {.url = (char *)url};
    return sf && sf->n ? bsearch(&key, sf->files, sf->n, sizeof key, by_url) : NULL;
}

/* If-None-Match: "*", or a comma-separated list of (possibly weak) tags. */
static int etag_matches(const char *header, const char *etag)
{
    if (!header)
        return 0;
    size_t n = strlen(etag);
    for (const char *p = header; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        if (*p == '*')
            return 1;
        if (strncmp(p, "W/", 2) == 0)
            p += 2;
        if (strncmp(p, etag, n) == 0 && (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
            return 1;
        while (*p && *p != ',')
            p++;
    }
    return 0;
}

enum MHD_Result static_files_answer(struct MHD_Connection *c, const static_files *sf,
                                    const char *url, const char *method)
{
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return answer_text(c, 405, "不支持的方法\n");
    if (strstr(url, "..") || url[0] != '/')
        return answer_text(c, 400, "非法路径\n");
    const web_file *f = find(sf, strcmp(url, "/") == 0 ? "/index.html" : url);
    if (!f && is_page_url(url))
        f = find(sf, "/index.html");
    if (!f)
        return answer_text(c, 404, "未找到\n");
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
    if (etag_matches(inm, f->etag))
        return MHD_queue_response(c, MHD_HTTP_NOT_MODIFIED, f->not_modified);
    return MHD_queue_response(c, MHD_HTTP_OK, f->ok);
}
