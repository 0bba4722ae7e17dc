/*
 * cmd_unit.c - `govmedia unit add|list`: local administration of the unit
 * tree (the only way to create a new root unit).
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/units.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void usage(void)
{
    printf("用法:\n"
           "  govmedia unit add  --db PATH --name 名称 --kind 类型 [--parent 上级单位ID]\n"
           "  govmedia unit list --db PATH\n"
           "  类型:province city county township department internal organisation\n");
}

static int do_list(db *d, gm_err *err)
{
    json_t *arr, *u;
    size_t i;
    int rc = units_list(d, NULL, &arr, err);
    if (rc)
        return rc;
    json_array_foreach(arr, i, u) {
        const char *path = json_string_value(json_object_get(u, "path"));
        int depth = 0;
        for (const char *p = path; *p; p++)
            depth += *p == '/';
        printf("%*s%lld %s(%s)\n", (depth - 2) * 2, "",
               (long long)json_integer_value(json_object_get(u, "id")),
               json_string_value(json_object_get(u, "name")),
               json_string_value(json_object_get(u, "kind_label")));
    }
    json_decref(arr);
    return 0;
}

int cmd_unit(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"name", required_argument, 0, 'n'},
        {"kind", required_argument, 0, 'k'}, {"parent", required_argument, 0, 'p'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
            usage();
            return 0;
        }
        return cli_usage_error("unit", "缺少动作:add 或 list");
    }
    const char *act = argv[1], *path = NULL, *name = NULL, *kind = NULL;
    long long parent = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
        if (c == 'd') path = optarg;
        else if (c == 'n') name = optarg;
        else if (c == 'k') kind = optarg;
        else if (c == 'p') {
            if (cli_parse_id(optarg, &parent))
                return cli_usage_error("unit", "--parent 应为正整数单位 ID");
        } else if (c == 'h') { usage(); return 0; }
        else return cli_bad_option("unit", argv + 1);
    }
    if (strcmp(act, "add") != 0 && strcmp(act, "list") != 0)
        return cli_usage_error("unit", "未知动作“%s”", act);
    db *d;
    int rc = cli_open_db("unit", path, &d);
    if (rc)
        return rc;
    gm_err err;
    gm_actor who;
    cli_actor(&who);
    long long id = 0;
    if (strcmp(act, "list") == 0)
        rc = do_list(d, &err);
    else if (!(rc = units_add(d, &who, name, kind, parent, &id, &err)))
        printf("已创建单位 %s(ID %lld)\n", name, id);
    db_close(d);
    return rc ? cli_report("unit", &err) : 0;
}
