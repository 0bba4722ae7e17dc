/*
 * db_sql.h - the pieces of SQL that differ between databases, by name.
 *
 * Store and report modules write portable SQL (SQL:2003 plus RETURNING and
 * ON CONFLICT (target) DO ..., which SQLite and PostgreSQL both speak); where
 * a query needs something each database spells its own way, it uses one of
 * these names and the driver's dialect header gives the spelling.  Today
 * that is db_sql_sqlite.h; a PostgreSQL driver adds db_sql_pg.h with the
 * same names (the PostgreSQL spelling is noted beside each).
 * tests/api/test_sql_portability.py refuses SQLite-only constructs in any
 * file of src/ whose name does not contain "sqlite".
 */
#ifndef GM_DB_SQL_H
#define GM_DB_SQL_H

#include "store/db_sql_sqlite.h"

/* Portable helpers (the same in every dialect). */

/* How many rows of the group meet cond (0 when none do): a comparison is
 * not a number in PostgreSQL, so SUM(cond) would not do. */
#define DB_SQL_COUNT_IF(cond) "SUM(CASE WHEN " cond " THEN 1 ELSE 0 END)"

#endif
