/*
 * db_sql_sqlite.h - the SQLite spelling of the named SQL pieces of
 * store/db_sql.h (include that, not this).  Part of the SQLite driver with
 * db_sqlite.c and post_search_sqlite.c: the only files where SQLite-only SQL
 * may appear (docs/ARCHITECTURE.md, "Where SQLite-only code may live").
 */
#ifndef GM_DB_SQL_SQLITE_H
#define GM_DB_SQL_SQLITE_H

/* The text at record.key1.key2 of a JSON text column (NULL when absent).
 * column, key1, key2: string literals.
 * PostgreSQL: "(" column "::jsonb #>> '{" key1 "," key2 "}')" */
#define DB_SQL_JSON_TEXT(column, key1, key2) "json_extract(" column ",'$." key1 "." key2 "')"

/* The group's values of expr joined by commas, as text (NULL when none).
 * PostgreSQL: "string_agg((" expr ")::text, ',')" */
#define DB_SQL_LIST_AGG(expr) "group_concat(" expr ")"

#endif
