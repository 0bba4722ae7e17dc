/*
 * cmd_serve.c - `govmedia serve --db PATH [--listen ADDR:PORT]`: run the
 * console and API until SIGTERM/SIGINT (graceful: requests in flight
 * finish); SIGHUP reloads the lexicons.
 */
#include "cli/cli.h"
#include "cli/demo.h"
#include "cli/opts.h"
#include "http/server.h"
#include "jobs/runner.h"
#include "util/clock.h"
#include "notify/outbox_loop.h"
#include "store/audit_anchor.h"
#include "store/store.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#ifndef GM_WEB_DIR
#define GM_WEB_DIR GM_DATA_DIR "/../web/dist"
#endif

static void usage(void)
{
    printf("用法:govmedia serve --db PATH [--listen 127.0.0.1:8080] [--threads N] [--cookie-secure]\n"
           "                      [--job-tick SECONDS] [--no-jobs]\n"
           "                      [--webhook-retry SECONDS] [--max-login-failures-per-address N]\n"
           "                      [--anchor-dir DIR] [--anchor-key FILE] [--test-clock]\n"
           "  启动控制台与 API 以及定时任务。SIGTERM/SIGINT 平稳停止,SIGHUP 重新加载词库。\n"
           "  --cookie-secure  会话 Cookie 加 Secure 标记(经 HTTPS 反向代理对外服务时使用)\n"
           "  --job-tick N     定时任务最长每 N 秒检查一次(默认 30)\n"
           "  --max-login-failures-per-address N  同一客户端地址每 15 分钟最多 N 次登录失败(默认 30),超过即返回 429\n"
           "  --anchor-dir DIR 每天 02:00 把审计链锚点写入 DIR(应在数据目录以外,最好是另一台机器的挂载)\n"
           "  --anchor-key F   用 Ed25519 私钥文件 F 为锚点签名(govmedia audit keygen 生成)\n"
           "  --no-jobs        本进程不运行定时任务(多台服务共用数据库时也可都运行:任务有租约,不会重复执行)\n"
           "  --webhook-retry  群机器人消息首次重试前等待的秒数(默认 30,之后每次翻倍,最多 1 小时)\n"
           "  --test-clock     仅供测试与演练:允许系统管理员用 PUT /api/v1/system/clock 把本进程的时钟向后拨\n"
           "                   (期限到期、定时任务到点);审计记录拨钟,/api/v1/health 显示 test_clock,切勿用于生产\n"
           "  环境变量 GOVMEDIA_DATA 指定数据目录(词库、日历),GOVMEDIA_WEB 指定控制台目录。\n");
}

static const char *env_or(const char *name, const char *dflt)
{
    const char *v = getenv(name);
    return v && *v ? v : dflt;
}

static int is_demo(const char *path)
{
    db *d;
    gm_err err;
    char v[8] = "";
    if (store_open(&d, path, &err))
        return 0;
    store_meta_get(d, "demo", v, sizeof v, &err);
    db_close(d);
    return strcmp(v, "1") == 0;
}

/* The anchor options are checked at start, not at 02:00 when the job
 * first needs them: a directory that is not there or a key that does not
 * load is the operator's typing, refused with exit 2 before serving. */
static int check_anchor_options(void)
{
    const char *dir = getenv("GOVMEDIA_ANCHOR_DIR"), *key = getenv("GOVMEDIA_ANCHOR_KEY");
    struct stat st;
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    gm_err err;
    if (dir && *dir && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || access(dir, W_OK) != 0))
        return cli_usage_error("serve", "--anchor-dir 目录 %s 不存在或不可写", dir);
    if (key && *key) {
        int rc = audit_key_load_secret(key, sk, &err);
        sodium_memzero(sk, sizeof sk);
        if (rc)
            return cli_usage_error("serve", "--anchor-key:%s", err.message);
    }
    return 0;
}

static void wait_for_signals(gm_server *s, const sigset_t *set)
{
    for (;;) {
        int sig;
        if (sigwait(set, &sig) != 0)
            continue;
        if (sig == SIGHUP) {
            gm_err err;
            if (server_reload_checker(s, &err))
                fprintf(stderr, "govmedia serve:重新加载词库失败:%s\n", err.message);
            else
                fprintf(stderr, "govmedia serve:词库已重新加载\n");
            continue;
        }
        fprintf(stderr, "govmedia serve:收到停止信号,等待处理中的请求完成…\n");
        return;
    }
}

int cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"listen", required_argument, 0, 'l'},
        {"threads", required_argument, 0, 't'}, {"cookie-secure", no_argument, 0, 's'},
        {"job-tick", required_argument, 0, 'j'}, {"no-jobs", no_argument, 0, 'n'},
        {"webhook-retry", required_argument, 0, 'w'},
        {"max-login-failures-per-address", required_argument, 0, 'f'},
        {"anchor-dir", required_argument, 0, 'A'}, {"anchor-key", required_argument, 0, 'K'},
        {"test-clock", no_argument, 0, 'T'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    gm_server_config cfg = {.listen = "127.0.0.1:8080", .threads = 4, .session_seconds = 8 * 3600,
                            .max_failed_logins = 5, .lock_seconds = 15 * 60};
    long long threads, job_tick = 30, retry = 30;
    int c, run_jobs = 1;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd') cfg.db_path = optarg;
        else if (c == 'l') cfg.listen = optarg;
        else if (c == 's') cfg.cookie_secure = 1;
        else if (c == 'n') run_jobs = 0;
        else if (c == 'T') clock_test_enable();
        else if (c == 'A') setenv("GOVMEDIA_ANCHOR_DIR", optarg, 1);   /* read by the audit.anchor job */
        else if (c == 'K') setenv("GOVMEDIA_ANCHOR_KEY", optarg, 1);
        else if (c == 'f') {
            long long n;
            if (cli_parse_id(optarg, &n) || n > 100000)
                return cli_usage_error("serve", "--max-login-failures-per-address 应为正整数");
            cfg.max_failed_logins_per_address = (int)n;
        }
        else if (c == 'j') {
            if (cli_parse_id(optarg, &job_tick) || job_tick > 3600)
                return cli_usage_error("serve", "--job-tick 应为 1 到 3600 的整数(秒)");
        }
        else if (c == 't') {
            if (cli_parse_id(optarg, &threads) || threads > 64)
                return cli_usage_error("serve", "--threads 应为 1 到 64 的整数");
            cfg.threads = (unsigned)threads;
        } else if (c == 'w') {
            if (cli_parse_id(optarg, &retry) || retry > 3600)
                return cli_usage_error("serve", "--webhook-retry 应为 1 到 3600 的整数(秒)");
        } else if (c == 'h') { usage(); return 0; }
        else return cli_bad_option("serve", argv);
    }
    db *d;
    int rc = check_anchor_options();
    if (rc)
        return rc;
    rc = cli_open_db("serve", cfg.db_path, &d);
    if (rc)
        return rc;
    db_close(d);
    cfg.data_dir = env_or("GOVMEDIA_DATA", GM_DATA_DIR);
    cfg.web_dir = env_or("GOVMEDIA_WEB", GM_WEB_DIR);

    /* Block the signals before MHD starts its threads, so only sigwait sees them. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    static gm_server s;
    gm_err err;
    if (server_start(&s, &cfg, &err))
        return cli_report("serve", &err);
    static outbox_loop outbox;
    if (outbox_loop_start(&outbox, cfg.db_path, (long)retry, &err)) {
        server_stop(&s, 0);
        return cli_report("serve", &err);
    }
    char host[64];
    snprintf(host, sizeof host, "%.*s", (int)(strrchr(cfg.listen, ':') - cfg.listen), cfg.listen);
    printf("govmedia 控制台与 API 已启动:http://%s:%u/\n", host, s.port);
    if (is_demo(cfg.db_path))
        demo_print_logins(stdout);
    fflush(stdout);
    static gm_job_runner jobs;
    if (run_jobs && job_runner_start(&jobs, cfg.db_path, cfg.data_dir, (int)job_tick, &err))
        fprintf(stderr, "govmedia serve:%s\n", err.message);
    wait_for_signals(&s, &set);
    job_runner_stop(&jobs);
    server_stop(&s, 10000);
    outbox_loop_stop(&outbox);
    fprintf(stderr, "govmedia serve:已停止\n");
    return 0;
}
