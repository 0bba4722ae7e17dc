/*
 * cmd_calendar.c - `govmedia calendar list|load`: the working calendar's
 * years, and loading a new year file (放假和调休安排) into the store, where
 * it overrides the file shipped for that year.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/calendars.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    printf("用法:\n"
           "  govmedia calendar list --db PATH\n"
           "  govmedia calendar load --db PATH FILE    (年历文件格式见 data/calendars/2026.txt)\n");
}

static int read_file(const char *path, char **text, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 256 * 1024 + 1;
    *text = malloc(cap);
    *len = *text ? fread(*text, 1, cap, f) : 0;
    fclose(f);
    if (!*text)
        return -1;
    if (*len == cap) {
        free(*text);
        return -2;
    }
    (*text)[*len] = '\0';
    return 0;
}

static int do_load(db *d, const char *file, gm_err *err)
{
    char *text;
    size_t len;
    int year, r = read_file(file, &text, &len);
    if (r == -2)
        return gm_fail(err, GM_E_TOOLARGE, "file", "文件 %s 过大", file);
    if (r)
        return gm_fail(err, GM_E_INVALID, "file", "无法读取文件 %s", file);
    gm_actor who;
    cli_actor(&who);
    int rc = calendars_store_year(d, &who, 0, text, len, &year, err);
    free(text);
    if (!rc)
        printf("已加载 %d 年工作日历\n", year);
    return rc;
}

static int do_list(db *d, gm_err *err)
{
    json_t *arr, *y;
    size_t i;
    int rc = calendars_list(d, NULL, &arr, err);
    if (rc)
        return rc;
    json_array_foreach(arr, i, y)
        printf("%lld\t%s\n", (long long)json_integer_value(json_object_get(y, "year")),
               strcmp(json_string_value(json_object_get(y, "source")), "store") == 0 ? "已加载(数据库)"
                                                                                    : "随程序发布");
    json_decref(arr);
    return GM_OK;
}

int cmd_calendar(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
            usage();
            return 0;
        }
        return cli_usage_error("calendar", "缺少动作:list 或 load");
    }
    const char *act = argv[1], *path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
        if (c == 'd') path = optarg;
        else if (c == 'h') { usage(); return 0; }
        else return cli_bad_option("calendar", argv + 1);
    }
    const char *file = optind < argc - 1 ? argv[1 + optind] : NULL;
    if (strcmp(act, "list") != 0 && strcmp(act, "load") != 0)
        return cli_usage_error("calendar", "未知动作“%s”", act);
    if (strcmp(act, "load") == 0 && !file)
        return cli_usage_error("calendar", "load 需要年历文件路径");
    db *d;
    int rc = cli_open_db("calendar", path, &d);
    if (rc)
        return rc;
    gm_err err;
    rc = strcmp(act, "load") == 0 ? do_load(d, file, &err) : do_list(d, &err);
    db_close(d);
    return rc ? cli_report("calendar", &err) : 0;
}
