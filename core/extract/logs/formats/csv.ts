/**
 * One CSV row (RFC 4180: comma separated, double-quoted fields, `""` for a quote inside quotes), or
 * separated by another character (`;`, as a spreadsheet set to French writes its CSV).
 */
export function parseCsvRow(line: string, separator = ','): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  while (i <= n) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      i++;
      while (i < n) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          value += line.slice(i);
          i = n;
          break;
        }
        value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const comma = line.indexOf(separator, i);
      fields.push(value);
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = line.indexOf(separator, i);
      if (comma < 0) {
        fields.push(line.slice(i));
        break;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
  return fields;
}
