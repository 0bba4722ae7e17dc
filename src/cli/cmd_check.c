/*
 * cmd_check.c - `govmedia check`: runs the compliance engine on a draft
 * (a file or standard input) or on a media file, and prints the findings
 * for people or, with --json, the object described in check/check.h.
 *
 * Exit: 0 nothing blocks, 1 a blocking finding, 2 usage or input error
 * (nothing is printed to stdout then).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/check.h"
#include "util/file.h"
#include "util/iso_time.h"
#include "cli/check_batch.h"
#include "http/check_lists.h"
#include "store/store.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "util/field_label.h"

#define CHECK_INPUT_MAX (64u << 20)
#define MAX_LEXICONS 64

typedef struct check_opts {
    const char *platform, *allow, *sources, *title, *repost, *media, *input;
    const char *summary, *length_preset;  /* §3.3: an article's summary, the length preset */
    const char *date;                     /* --date: the text's day, for office-holders' titles */
    const char *db, *account, *since;     /* --archive */
    const char *lexicons[MAX_LEXICONS];
    size_t n_lexicons;
    int json, mask, help, jsonl, archive;
    int final_newline;    /* the input ended in a newline that was not checked */
} check_opts;

static const char usage[] =
    "用法: govmedia check [--platform P] [--lexicon FILE]...\n"
    "                     [--allow FILE] [--sources FILE] [--title TEXT]\n"
    "                     [--repost-source NAME] [--summary TEXT] [--length-preset house|platform]\n"
    "                     [--date YYYY-MM-DD] [--json] [--mask] [FILE|-]\n"
    "       govmedia check --media FILE [--platform P] [--json]\n"
    "       govmedia check --jsonl [--platform P] [--lexicon FILE]... [FILE|-]\n"
    "       govmedia check --archive --db PATH [--account ID] [--since DATE]\n"
    "  检查正文（FILE 或标准输入）: 违禁词、字数、个人信息、转载来源。\n"
    "  文件末尾的一个换行不计入正文。\n"
    "  --platform 平台（$GOVMEDIA_DATA/check/platforms.json）: weibo 微博、wechat 微信公众号、\n"
    "             toutiao 头条号、douyin 抖音、kuaishou 快手、app 客户端、website 门户网站\n"
    "  --lexicon  词库文件，可重复；给出时取代自带词库 ($GOVMEDIA_DATA/lexicons/*.txt)\n"
    "  --allow    白名单文件（默认 $GOVMEDIA_DATA/check/allow.txt）\n"
    "  --sources  核准转载来源名单（默认 $GOVMEDIA_DATA/check/approved_sources.txt）\n"
    "  --repost-source  本文为转载时的来源（空字符串表示未注明来源）\n"
    "  --summary  图文消息的摘要（与标题一样检查违禁词、个人信息）\n"
    "  --length-preset  字数规则: house 本单位规定（默认，微信正文含标题 ≤ 680 字）、\n"
    "             platform 平台规定（微信群发正文 ≤ 600 字、标题 ≤ 64 字、摘要 ≤ 120 字）\n"
    "  --date     正文的日期（发布或提交之日，北京时间），据此判断领导职务：\n"
    "             名单中同名者在该日或之前担任过的职务才算正确（与 POST /api/v1/check\n"
    "             的 date 相同）；不给出时不限日期，担任过的职务都算正确\n"
    "  --mask     输出个人信息已脱敏的正文\n"
    "  --media    检查媒体文件的真实类型与大小\n"
    "  --jsonl    批量检查: 每行一个 JSON 对象 {\"text\",\"title\",\"platform\",\n"
    "             \"repost_source\",\"summary\",\"length_preset\",\"id\"}（仅 text 必填），\n"
    "             每行输出一份 --json 报告并回显 id;\n"
    "             某行格式错误时报告行号并以 2 退出（此前输出的行仍有效）\n"
    "  --archive  回溯检查: 用当前词库（含管理员在系统中修改的词库）重新检查已发布的\n"
    "             稿件，每篇现在有发现的稿件输出一行报告（附 publication_id 等）\n"
    "  退出码: 0 无阻断问题, 1 有阻断问题, 2 用法或输入错误\n";

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "govmedia check: %s%s\n用法见 govmedia check --help\n", msg, arg ? arg : "");
    return 2;
}

static const char **value_slot(check_opts *o, const char *name)
{
    static const char *names[] = {"--platform", "--allow", "--sources", "--title",
                                  "--repost-source", "--media", "--db", "--account", "--since",
                                  "--date", "--summary", "--length-preset"};
    const char **slots[] = {&o->platform, &o->allow, &o->sources, &o->title, &o->repost,
                            &o->media, &o->db, &o->account, &o->since, &o->date, &o->summary,
                            &o->length_preset};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0)
            return slots[i];
    return NULL;
}

static int parse_opts(int argc, char **argv, check_opts *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = value_slot(o, a);
        if (strcmp(a, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(a, "--jsonl") == 0) {
            o->jsonl = 1;
        } else if (strcmp(a, "--archive") == 0) {
            o->archive = 1;
        } else if (strcmp(a, "--mask") == 0) {
            o->mask = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            o->help = 1;
        } else if (slot || strcmp(a, "--lexicon") == 0) {
            if (i + 1 >= argc)
                return usage_error("缺少参数值: ", a);
            if (slot) {
                *slot = argv[++i];
            } else if (o->n_lexicons == MAX_LEXICONS) {
                return usage_error("--lexicon 过多", NULL);
            } else {
                o->lexicons[o->n_lexicons++] = argv[++i];
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("未知选项: ", a);
        } else if (o->input) {
            return usage_error("只能检查一个输入文件: ", a);
        } else {
            o->input = a;
        }
    }
    if (o->media && o->input)
        return usage_error("--media 与正文输入不能同时使用", NULL);
    if (o->archive && (!o->db || o->input || o->media || o->jsonl))
        return usage_error("--archive 需要 --db PATH，且不能与输入文件、--media、--jsonl 同时使用",
                           NULL);
    if (!o->archive && (o->db || o->account || o->since))
        return usage_error("--db、--account、--since 只用于 --archive", NULL);
    if (o->date && (o->media || o->jsonl || o->archive))
        return usage_error("--date 只用于检查正文（--archive 按每篇的发布日期检查）", NULL);
    if (o->jsonl && (o->media || o->title || o->repost || o->mask || o->summary ||
                     o->length_preset))
        return usage_error("--jsonl 不能与 --media、--title、--repost-source、--summary、"
                           "--length-preset、--mask 同时使用",
                           NULL);
    if ((o->summary || o->length_preset) && (o->media || o->archive))
        return usage_error("--summary、--length-preset 只用于检查正文", NULL);
    return 0;
}

static char *data_path(const char *rel)
{
    const char *d = cli_data_dir();
    char *p = malloc(strlen(d) + strlen(rel) + 2);
    if (p)
        sprintf(p, "%s/%s", d, rel);
    return p;
}

/* Says on stderr which duplicate lexicon lines were merged. */
static void report_merges(const gm_checker *c)
{
    const char *const *lines;
    size_t n = gm_checker_merges(c, &lines);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "govmedia check:词库:%s\n", lines[i]);
}

static int load_checker_files(const check_opts *o, gm_checker **c, gm_err *err);

static int load_checker(const check_opts *o, gm_checker **c, gm_err *err)
{
    int rc = o->n_lexicons == 0 && !o->allow && !o->sources
                 ? gm_checker_load_default(c, cli_data_dir(), err)
                 : load_checker_files(o, c, err);
    if (!rc)
        report_merges(*c);
    return rc;
}

static int load_checker_files(const check_opts *o, gm_checker **c, gm_err *err)
{
    char *lexdir = data_path("lexicons");
    char *allow = o->allow ? NULL : data_path("check/allow.txt");
    char *sources = o->sources ? NULL : data_path("check/approved_sources.txt");
    char *platforms = data_path("check/platforms.json");
    char *context = data_path("check/context.txt"), *policy = data_path("check/policy.txt");
    char *reg = data_path("check/register.txt");
    char *exprs = data_path("expressions");
    int rc;
    if (!lexdir || (!o->allow && !allow) || (!o->sources && !sources) || !platforms ||
        !context || !reg || !policy || !exprs) {
        rc = gm_fail(err, GM_E_NOMEM, "", "内存不足");
    } else {
        gm_checker_files f = {o->lexicons, o->n_lexicons, lexdir, o->allow ? o->allow : allow,
                              o->sources ? o->sources : sources, platforms,
                              access(context, F_OK) == 0 ? context : NULL,
                              access(policy, F_OK) == 0 ? policy : NULL, exprs, 0,
                              access(reg, F_OK) == 0 ? reg : NULL};
        rc = gm_checker_load(c, &f, err);
    }
    free(context);
    free(reg);
    free(policy);
    free(lexdir);
    free(allow);
    free(sources);
    free(platforms);
    free(exprs);
    return rc;
}

static const char *sev_label(const char *sev)
{
    return strcmp(sev, "block") == 0 ? "阻断" : "提醒";
}

/* How a disguised term was read (a lexicon finding's "via"), in Chinese. */
static const char *via_label(const char *via)
{
    static const char *const labels[][2] = {
        {"pinyin", "拼音变体"},  {"initials", "拼音首字母"}, {"digit", "数字谐音"},
        {"emoji", "表情符号谐音"}, {"shape", "形近字"},       {"inserted", "插入字"},
        {"mask", "遮挡字"},      {"reversed", "倒序"},       {"acrostic", "藏头藏尾"},
    };
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (strcmp(via, labels[i][0]) == 0)
            return labels[i][1];
    return "谐音变体";
}

static void print_human(const json_t *r)
{
    const json_t *fs = json_object_get(r, "findings");
    size_t i;
    const json_t *f;
    json_array_foreach(fs, i, f) {
        const char *field = json_string_value(json_object_get(f, "field"));
        char label[64];
        long long start = (long long)json_integer_value(json_object_get(f, "start"));
        long long end = (long long)json_integer_value(json_object_get(f, "end"));
        printf("[%s] %s/%s %s", sev_label(json_string_value(json_object_get(f, "severity"))),
               json_string_value(json_object_get(f, "rule")),
               json_string_value(json_object_get(f, "category")),
               field_label(field, label, sizeof label));
        /* Findings about the whole text or a file (length, media) have no span. */
        if (end > start)
            printf(" 第 %lld–%lld 字 “%s”", start + 1, end, json_string_value(json_object_get(f, "match")));
        const json_t *term = json_object_get(f, "term");
        const json_t *msg = json_object_get(f, "message");
        const json_t *rep = json_object_get(f, "replacement");
        const json_t *via = json_object_get(f, "via"), *ctx = json_object_get(f, "context");
        if (strcmp(json_string_value(json_object_get(f, "rule")), "lexicon") == 0)
            printf(" 词条: %s", json_string_value(term));
        if (via)
            printf(" (%s)", via_label(json_string_value(via)));
        if (ctx)
            printf(" (打击/警示语境)");
        if (rep)
            printf(" 建议: %s", json_string_value(rep));
        if (msg)
            printf(" %s", json_string_value(msg));
        putchar('\n');
    }
    const json_t *lim = json_object_get(r, "limit");
    if (json_object_get(r, "chars")) {
        printf("字数: %lld", (long long)json_integer_value(json_object_get(r, "chars")));
        if (json_is_integer(lim))
            printf(" / 上限 %lld", (long long)json_integer_value(lim));
        putchar('\n');
    }
    printf("%s（%zu 处发现）\n", json_is_true(json_object_get(r, "ok")) ? "结论: 可以发布" : "结论: 存在阻断问题，不得发布",
           json_array_size(fs));
}

static int print_report(const check_opts *o, const json_t *r)
{
    if (o->json) {
        if (json_dumpf(r, stdout, JSON_COMPACT) != 0)
            return 2;
        putchar('\n');
    } else if (o->mask && !o->media) {
        const json_t *m = json_object_get(r, "masked");
        fputs(m ? json_string_value(m) : "", stdout);
        if (m && o->final_newline)
            putchar('\n');
    } else {
        print_human(r);
    }
    return json_is_true(json_object_get(r, "ok")) ? 0 : 1;
}

/* A text file's last line break ends the file, not the post: it is not
 * counted towards the platform's length limit. */
static size_t without_final_newline(const char *text, size_t len, int *stripped)
{
    size_t n = len;
    if (n && text[n - 1] == '\n') {
        n--;
        if (n && text[n - 1] == '\r')
            n--;
    }
    *stripped = n != len;
    return n;
}

static int run_text(check_opts *o, const gm_checker *c, json_t **r, char **text, gm_err *err)
{
    size_t len = 0;
    int rc = gm_read_file(o->input ? o->input : "-", CHECK_INPUT_MAX, text, &len, "input", err);
    if (rc)
        return rc;
    len = without_final_newline(*text, len, &o->final_newline);
    gm_check_input in = {*text, len, o->title, o->platform, o->repost, o->summary,
                         o->length_preset};
    return gm_check_json_on(c, &in, o->date, r, err);
}

/* The text, a file or an option the user gave was refused: naming the option. */
static int fail_input(const gm_err *err)
{
    cli_report("check", err);
    return 2;
}

/* --since DAY (a China day) as the first instant of that day in UTC, the
 * form published_at is stored in; a day that does not exist is refused. */
static int since_instant(const char *day, char from[GM_ISO_LEN], gm_err *err)
{
    char to[GM_ISO_LEN];
    from[0] = '\0';
    if (!day)
        return 0;
    return iso_time_china_day_range(day, "since", from, to, err);
}

/* `--archive`: the engine as the server runs it (shipped files with the
 * lists admins edited in the store), unless --lexicon/--allow/--sources say
 * otherwise. */
static int run_archive(const check_opts *o)
{
    char *end = NULL;
    long long account = o->account ? strtoll(o->account, &end, 10) : 0;
    if (o->account && (*end || account <= 0))
        return usage_error("--account 应为账号编号: ", o->account);
    db *d = NULL;
    gm_checker *c = NULL;
    gm_err err = {0};
    long checked = 0, listed = 0;
    char since[GM_ISO_LEN];
    if (since_instant(o->since, since, &err))
        return fail_input(&err);
    int rc = cli_open_db("check", o->db, &d);
    if (rc)
        return rc;
    rc = o->n_lexicons || o->allow || o->sources ? load_checker(o, &c, &err)
                                                     : check_lists_load(d, cli_data_dir(), &c, &err);
    if (!rc)
        rc = check_archive(c, d, account, since[0] ? since : NULL, stdout, &checked, &listed, &err);
    gm_checker_unref(c);
    if (d)
        db_close(d);
    if (rc < 0)
        return fail_input(&err);
    fprintf(stderr, "govmedia check: 已回溯检查 %ld 篇已发布稿件，%ld 篇现有发现\n", checked, listed);
    return rc;
}

int cmd_check(int argc, char **argv)
{
    check_opts o = {0};
    if (parse_opts(argc, argv, &o) != 0)
        return 2;
    if (o.help) {
        fputs(usage, stdout);
        return 0;
    }
    if (o.archive)
        return run_archive(&o);
    gm_err err = {0};
    gm_checker *c = NULL;
    if (load_checker(&o, &c, &err) != 0)
        return fail_input(&err);
    if (o.jsonl) {
        FILE *in = !o.input || strcmp(o.input, "-") == 0 ? stdin : fopen(o.input, "r");
        int code = in ? check_jsonl(c, in, o.platform, stdout)
                      : usage_error("无法打开输入文件: ", o.input);
        if (in && in != stdin)
            fclose(in);
        gm_checker_unref(c);
        return code;
    }
    json_t *r = NULL;
    char *text = NULL;
    int rc = o.media ? gm_check_media_json(c, o.media, o.platform, &r, &err)
                     : run_text(&o, c, &r, &text, &err);
    int code = rc ? fail_input(&err) : print_report(&o, r);
    if (o.mask && !o.json && !o.media && code != 2 && text && !json_object_get(r, "masked"))
        fputs(text, stdout);
    fflush(stdout);
    json_decref(r);
    free(text);
    gm_checker_unref(c);
    return code;
}
