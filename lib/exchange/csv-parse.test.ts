import { fieldPosition, parseCsv } from './csv-parse';

const fields = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.map((record) => [record.line, ...record.fields]);
};

describe('parseCsv', () => {
  it('reads RFC 4180 quoting, CRLF, a BOM and skips blank lines', () => {
    expect(fields('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n3,\n')).toEqual([
      [1, 'a', 'b'],
      [2, 'x, y', 'say "hi"'],
      [4, '3', ''],
    ]);
  });

  it('unescapes doubled quotes anywhere in a field, as Bulk API writes JSON columns', () => {
    expect(fields('"""",x\n"{""a"":""b""""}",""""""\n')).toEqual([
      [1, '"', 'x'],
      [2, '{"a":"b""}', '""'],
    ]);
  });

  it('keeps line numbers right across quoted newlines', () => {
    expect(fields('a,b\n"two\nlines",x\nlast,y')).toEqual([
      [1, 'a', 'b'],
      [2, 'two\nlines', 'x'],
      [4, 'last', 'y'],
    ]);
  });

  it('locates an unterminated quote and a stray quote', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      ok: false,
      error: { line: 2, column: 3, message: expect.stringMatching(/never closed/) },
    });
    expect(parseCsv('a,b\n1,ab"c\n')).toEqual({
      ok: false,
      error: { line: 2, column: 5, message: expect.stringMatching(/quote inside an unquoted field/) },
    });
    expect(parseCsv('a\n"x"y\n')).toMatchObject({ ok: false, error: { line: 2, column: 4 } });
  });

  it('finds where a field starts', () => {
    const text = 'h1,h2,h3\n"a\nb",,third\n';
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error('parse failed');
    expect(fieldPosition(text, parsed.value[1]!, 2)).toEqual({ line: 3, column: 5 });
    expect(fieldPosition(text, parsed.value[0]!, 1)).toEqual({ line: 1, column: 4 });
  });
});
