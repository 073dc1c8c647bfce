/**
 * Filtering an Arrow table (FileAttachment(…).arrow()) into plain row objects, reading only the
 * columns the test needs for rows that fail it: cheap on large tables, and no Arquero download.
 */

/**
 * Rows passing `test(get)`, where get(column) reads the current row's value, as plain objects (every
 * column, or `columns`), at most `limit` of them.
 */
export function selectRows(table, test = () => true, {columns, limit = Infinity} = {}) {
  const names = columns ?? table.schema.fields.map((f) => f.name);
  const vectors = new Map(table.schema.fields.map((f) => [f.name, table.getChild(f.name)]));
  const out = [];
  let i = 0;
  const get = (name) => vectors.get(name)?.get(i) ?? null;
  for (; i < table.numRows && out.length < limit; ++i) {
    if (!test(get)) continue;
    const row = {};
    for (const name of names) row[name] = get(name);
    out.push(row);
  }
  return out;
}

/** The column names of an Arrow table. */
export function columnNames(table) {
  return table.schema.fields.map((f) => f.name);
}
