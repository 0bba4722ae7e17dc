/*
 * cmd_routes.c - `govmedia routes`: the API route table with the permission
 * each route needs (tests walk it; inspectors read it), or with --query the
 * query parameters each route takes.
 */
#include "cli/cli.h"
#include "http/route.h"

#include <string.h>

int cmd_routes(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        printf("用法:govmedia routes [--query]\n  每行:方法 路径 所需权限 说明\n"
               "  --query  每行:方法 路径 可用的查询参数(名称:类型,以逗号分隔;- 表示不接受参数)\n");
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--query") == 0) {
        router_print_query(stdout);
        return 0;
    }
    if (argc > 1) {
        fprintf(stderr, "govmedia routes:无法识别的参数:%s(只接受 --query)\n", argv[1]);
        return 2;
    }
    router_print(stdout);
    return 0;
}
