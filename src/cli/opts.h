/*
 * opts.h - helpers shared by the subcommands: usage errors, opening the
 * database, reading a password from standard input, the CLI actor, the
 * data directory.
 */
#ifndef GM_CLI_OPTS_H
#define GM_CLI_OPTS_H

#include <stdio.h>
#include "core/actor.h"
#include "store/db.h"

#define EXIT_USAGE 2

/* Prints "govmedia CMD:MESSAGE" and a hint to use --help; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The option getopt_long just refused (unknown, or missing its value),
 * named in Chinese; argv is the array given to getopt_long.  Exit code 2. */
int cli_bad_option(const char *cmd, char **argv);
/* Every argument after the subcommand is valid UTF-8 (names, reasons,
 * search words and paths reach the store and the screen as text); else a
 * usage error naming the option whose value is not (or the argument's
 * position) and 2. */
int cli_args_utf8(const char *cmd, int argc, char **argv);
/* Remembers the subcommand's arguments, so that an error about a field the
 * user gave as an option (as_of given as --as-of) names the option. */
void cli_note_args(int argc, char **argv);
/* Prints err's message, naming the option the user typed for err's field
 * (else the field); returns 2 for input errors, 1 otherwise. */
int cli_report(const char *cmd, const gm_err *err);
/* Opens an existing database at its current schema version. */
int cli_open_db(const char *cmd, const char *path, db **out);
/* Reads one line (the password) from stdin without its newline. */
int cli_read_password(char *buf, size_t cap);
void cli_actor(gm_actor *a);
/* Parses a positive integer option value; returns 0 on success. */
int cli_parse_id(const char *s, long long *out);
/* The data directory (lexicons, lists, calendars): $GOVMEDIA_DATA, else the built-in one. */
const char *cli_data_dir(void);

#endif
