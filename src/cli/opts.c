/*
 * opts.c - shared CLI helpers (see opts.h).
 */
#include "cli/opts.h"
#include "store/store.h"
#include "util/text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "govmedia %s:", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(运行 govmedia %s --help 查看用法)\n", cmd);
    return EXIT_USAGE;
}

int cli_bad_option(const char *cmd, char **argv)
{
    /* getopt_long has moved optind past the option it refused */
    const char *a = optind > 0 ? argv[optind - 1] : NULL;
    return cli_usage_error(cmd, "无法识别的选项或选项缺少取值:%s", a ? a : "");
}

int cli_args_utf8(const char *cmd, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (text_first_invalid_utf8(argv[i], strlen(argv[i])) < 0)
            continue;
        const char *eq = strncmp(argv[i], "--", 2) == 0 ? strchr(argv[i], '=') : NULL;
        if (eq)
            return cli_usage_error(cmd, "选项 %.*s 的取值不是有效的 UTF-8 文本", (int)(eq - argv[i]), argv[i]);
        if (i > 1 && argv[i - 1][0] == '-' && argv[i - 1][1])
            return cli_usage_error(cmd, "选项 %s 的取值不是有效的 UTF-8 文本", argv[i - 1]);
        return cli_usage_error(cmd, "第 %d 个参数不是有效的 UTF-8 文本", i);
    }
    return 0;
}

static int noted_argc;
static char **noted_argv;

void cli_note_args(int argc, char **argv)
{
    noted_argc = argc;
    noted_argv = argv;
}

/* "--as-of" for the field "as_of" when the user typed that option
 * (alone or as --as-of=VALUE); 0 when the field came from elsewhere
 * (an --input body, a nested entry such as add[0].severity). */
static int option_of_field(const char *field, char *opt, size_t cap)
{
    size_t n = strlen(field);
    if (n + 3 > cap || strspn(field, "abcdefghijklmnopqrstuvwxyz_") != n)
        return 0;
    snprintf(opt, cap, "--%s", field);
    for (char *c = opt + 2; *c; c++)
        if (*c == '_')
            *c = '-';
    size_t len = strlen(opt);
    for (int i = 1; i < noted_argc; i++)
        if (strncmp(noted_argv[i], opt, len) == 0 && (!noted_argv[i][len] || noted_argv[i][len] == '='))
            return 1;
    return 0;
}

int cli_report(const char *cmd, const gm_err *err)
{
    char opt[96];
    if (err->field[0] && option_of_field(err->field, opt, sizeof opt))
        fprintf(stderr, "govmedia %s:%s(选项 %s)\n", cmd, err->message, opt);
    else if (err->field[0])
        fprintf(stderr, "govmedia %s:%s(字段 %s)\n", cmd, err->message, err->field);
    else
        fprintf(stderr, "govmedia %s:%s\n", cmd, err->message);
    int c = err->code;
    /* a file the user named (the error names its option) that cannot be read is their input */
    int named_file = c == GM_E_IO && err->field[0];
    return c == GM_E_INVALID || c == GM_E_NOTFOUND || c == GM_E_CONFLICT || c == GM_E_TOOLARGE ||
                   named_file
               ? EXIT_USAGE : 1;
}

int cli_open_db(const char *cmd, const char *path, db **out)
{
    gm_err err;
    if (!path)
        return cli_usage_error(cmd, "缺少 --db PATH");
    if (access(path, R_OK | W_OK) != 0) {
        fprintf(stderr, "govmedia %s:数据库文件 %s 不存在或不可读写(先运行 govmedia init --db %s)\n",
                cmd, path, path);
        return EXIT_USAGE;
    }
    if (store_open(out, path, &err) || store_require_current(*out, &err)) {
        db_close(*out);
        *out = NULL;
        return cli_report(cmd, &err);
    }
    return 0;
}

int cli_read_password(char *buf, size_t cap)
{
    if (!fgets(buf, (int)cap, stdin))
        return -1;
    buf[strcspn(buf, "\r\n")] = '\0';
    return 0;
}

void cli_actor(gm_actor *a)
{
    const char *u = getenv("USER");
    actor_init_cli(a, u);
}

int cli_parse_id(const char *s, long long *out)
{
    char *end;
    long long v = s ? strtoll(s, &end, 10) : 0;
    if (!s || !*s || *end || v <= 0)
        return -1;
    *out = v;
    return 0;
}

const char *cli_data_dir(void)
{
    const char *d = getenv("GOVMEDIA_DATA");
    return d && *d ? d : GM_DATA_DIR;
}
