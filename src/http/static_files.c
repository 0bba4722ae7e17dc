/*
 * static_files.c - the console's HTML/CSS/JS, read per request from the
 * directory Vite builds (web/dist, see web/README.md).  The console is a
 * single-page app with one URL per page: a path that names no file and has
 * no extension (/accounts/4) is answered with index.html, and the browser's
 * router shows the page.  Vite's /assets/ names carry a content hash, so they
 * may be cached for good.
 */
#include "http/static_files.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *mime_of(const char *path)
{
    static const struct { const char *ext, *mime; } types[] = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
        {".png", "image/png"}, {".svg", "image/svg+xml"}, {".ico", "image/x-icon"},
        {".woff2", "font/woff2"}, {".woff", "font/woff"}, {".ttf", "font/ttf"},
    };
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].mime;
    return "application/octet-stream";
}

/* A console page (/accounts/4): no file extension in the last segment. */
static bool is_page_url(const char *url)
{
    const char *last = strrchr(url, '/');
    return last && !strchr(last, '.') && strncmp(url, "/assets/", 8) != 0;
}

/* The file's descriptor if it is a regular file, else -1. */
static int open_regular(const char *path)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        fd = -1;
    }
    return fd;
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

enum MHD_Result static_files_answer(struct MHD_Connection *c, const char *web_dir,
                                    const char *url, const char *method)
{
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return answer_text(c, 405, "不支持的方法\n");
    if (strstr(url, "..") || url[0] != '/')
        return answer_text(c, 400, "非法路径\n");
    char path[1024];
    snprintf(path, sizeof path, "%s%s", web_dir, strcmp(url, "/") == 0 ? "/index.html" : url);
    int fd = open_regular(path);
    if (fd < 0 && is_page_url(url)) {
        snprintf(path, sizeof path, "%s/index.html", web_dir);
        fd = open_regular(path);
    }
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0)
            close(fd);
        return answer_text(c, 404, "未找到\n");
    }
    struct MHD_Response *r = MHD_create_response_from_fd((size_t)st.st_size, fd);
    if (!r) {
        close(fd);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, mime_of(path));
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                            strncmp(url, "/assets/", 8) == 0 ? "public, max-age=31536000, immutable"
                                                             : "no-cache");
    MHD_add_response_header(r, "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    enum MHD_Result ok = MHD_queue_response(c, 200, r);
    MHD_destroy_response(r);
    return ok;
}
