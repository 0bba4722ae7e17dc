/*
 * cli.h - the subcommands of the govmedia program.
 *
 * Each subcommand lives in its own file cli/cmd_NAME.c and has the
 * signature of a main(): argv[0] is the subcommand name.  Exit codes:
 * 0 success, 1 the command ran and found a problem (e.g. a blocking
 * finding, a broken audit chain), 2 usage or input error.
 */
#ifndef GM_CLI_H
#define GM_CLI_H

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_unit(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_routes(int argc, char **argv);
int cmd_account(int argc, char **argv);
int cmd_post(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_jobs(int argc, char **argv);
int cmd_message(int argc, char **argv);
int cmd_publication(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_vault(int argc, char **argv);

#endif
