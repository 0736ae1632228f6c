import { FIELD_KEY } from '../shared/field_rules.ts'

/*
 * A field key is also a clients column name, so it must be a safe
 * identifier that collides with nothing: its format (FIELD_KEY, shared
 * with the admin), not a built-in column, not an SQL keyword of MySQL or
 * SQLite, not a key used before.
 */

const SQL_KEYWORDS = new Set(
  `accessible add all alter analyze and as asc asensitive before between bigint binary blob both by
  call cascade case change char character check collate column condition constraint continue convert
  create cross current_date current_time current_timestamp current_user cursor database databases
  day_hour day_microsecond day_minute day_second dec decimal declare default delayed delete desc
  describe deterministic distinct distinctrow div double drop dual each else elseif enclosed escaped
  exists exit explain false fetch float float4 float8 for force foreign from fulltext generated get
  grant group having high_priority hour_microsecond hour_minute hour_second if ignore in index infile
  inner inout insensitive insert int int1 int2 int3 int4 int8 integer interval into is iterate join
  key keys kill leading leave left like limit linear lines load localtime localtimestamp lock long
  longblob longtext loop low_priority match maxvalue mediumblob mediumint mediumtext middleint
  minute_microsecond minute_second mod modifies natural not no_write_to_binlog null numeric on
  optimize option optionally or order out outer outfile over partition precision primary procedure
  purge range read reads real references regexp release rename repeat replace require resignal
  restrict return revoke right rlike row rows schema schemas second_microsecond select sensitive
  separator set show signal smallint spatial specific sql sqlexception sqlstate sqlwarning
  sql_big_result sql_calc_found_rows sql_small_result ssl starting stored straight_join table
  terminated then tinyblob tinyint tinytext to trailing trigger true undo union unique unlock
  unsigned update usage use using utc_date utc_time utc_timestamp values varbinary varchar
  varcharacter varying virtual when where while window with write xor year_month zerofill
  abort action after attach autoincrement begin commit conflict deferrable deferred detach end
  exclusive fail filter following glob immediate indexed initially instead isnull notnull nulls
  offset plan pragma preceding query raise recursive reindex rollback savepoint temp temporary
  transaction unbounded vacuum view without rowid strict returning do nothing first last`
    .split(/\s+/)
    .filter(Boolean)
)

export type KeyProblem = 'format' | 'keyword' | 'builtin' | 'taken'

export function keyProblem(
  key: string,
  builtinColumns: Set<string>,
  usedKeys: Set<string>
): KeyProblem | null {
  if (!FIELD_KEY.test(key)) return 'format'
  if (SQL_KEYWORDS.has(key)) return 'keyword'
  if (builtinColumns.has(key)) return 'builtin'
  if (usedKeys.has(key)) return 'taken'
  return null
}

export const KEY_MESSAGES: Record<KeyProblem, string> = {
  format: 'Use 2 to 40 lower-case letters, digits or _ starting with a letter',
  keyword: 'This is an SQL keyword: pick another key',
  builtin: 'A built-in client field already has this name',
  taken: 'Another field (maybe retired) already uses this key',
}
