/*
 * robot_send.c - one HTTP POST to a group robot (see robot_send.h).
 *
 * DingTalk signing: sign = urlencode(base64(HMAC-SHA256(secret,
 * timestamp_ms + "\n" + secret))), appended as &timestamp=..&sign=..
 * (libsodium for the HMAC and base64, libcurl for the escaping).
 */
#include "notify/robot_send.h"
#include "notify/robot_refusal.h"
#include "notify/send_error_text.h"

#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

void robot_send_global_init(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

typedef struct answer {
    char buf[4096];
    size_t len;
} answer;

static size_t collect(char *data, size_t size, size_t n, void *userdata)
{
    answer *a = userdata;
    size_t take = size * n;
    if (take > sizeof a->buf - 1 - a->len)
        take = sizeof a->buf - 1 - a->len;
    memcpy(a->buf + a->len, data, take);
    a->len += take;
    a->buf[a->len] = '\0';
    return size * n;
}

/* url + "&timestamp=T&sign=S" (or "?" when url has no query); malloc'd. */
static char *dingtalk_signed_url(CURL *c, const char *url, const char *secret)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    long long ms = (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
    char to_sign[512], b64[128];
    snprintf(to_sign, sizeof to_sign, "%lld\n%s", ms, secret);
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)to_sign, strlen(to_sign));
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2base64(b64, sizeof b64, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
    char *esc = curl_easy_escape(c, b64, 0);
    size_t cap = strlen(url) + 128;
    char *out = esc ? malloc(cap) : NULL;
    if (out)
        snprintf(out, cap, "%s%ctimestamp=%lld&sign=%s", url, strchr(url, '?') ? '&' : '?', ms,
                 esc);
    curl_free(esc);
    return out;
}

/* 0 when the robot's answer says ok (errcode 0, or no JSON at all). */
static int answer_ok(const char *kind, const answer *a, char *errbuf, size_t cap)
{
    json_t *j = json_loads(a->buf, 0, NULL);
    json_t *code = json_object_get(j, "errcode");
    int ok = !json_is_integer(code) || json_integer_value(code) == 0;
    if (!ok)
        robot_refusal_text(kind, (long long)json_integer_value(code),
                           json_string_value(json_object_get(j, "errmsg")), errbuf, cap);
    json_decref(j);
    return ok ? 0 : -1;
}

static int post_once(CURL *c, const char *kind, const char *url, const char *payload,
                     const char *delivery_key, long timeout_seconds, answer *a, char *errbuf,
                     size_t cap)
{
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
    char key_header[96];
    if (h && delivery_key && *delivery_key) {
        snprintf(key_header, sizeof key_header, "Idempotency-Key: %s", delivery_key);
        struct curl_slist *more = curl_slist_append(h, key_header);
        h = more ? more : h;
    }
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_seconds);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_seconds);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
    CURLcode res = curl_easy_perform(c);
    curl_slist_free_all(h);
    if (res != CURLE_OK) {
        snprintf(errbuf, cap, "发送失败:%s(错误码 %d)", send_error_text(res), (int)res);
        return -1;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status > 299) {
        snprintf(errbuf, cap, "机器人返回 HTTP %ld", status);
        return -1;
    }
    return answer_ok(kind, a, errbuf, cap);
}

int robot_send(const char *kind, const char *url, const char *secret, const char *payload,
               const char *delivery_key, long timeout_seconds, char *errbuf, size_t cap)
{
    CURL *c = curl_easy_init();
    if (!c) {
        snprintf(errbuf, cap, "libcurl 初始化失败");
        return -1;
    }
    char *signed_url = NULL;
    if (secret && *secret && kind && strcmp(kind, "dingtalk") == 0)
        signed_url = dingtalk_signed_url(c, url, secret);
    answer a = {.len = 0};
    a.buf[0] = '\0';
    int rc = post_once(c, kind, signed_url ? signed_url : url, payload, delivery_key,
                       timeout_seconds, &a, errbuf, cap);
    free(signed_url);
    curl_easy_cleanup(c);
    return rc;
}
