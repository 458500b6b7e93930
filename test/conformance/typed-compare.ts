// Compares typed values as FORMAT.md says: the type tag exactly; integers as decimal strings;
// reals by their exact bits (hex); strings, times; lists and ads member by member (only as far
// as the expectation was expanded); the renderings exactly.
type Typed = Record<string, unknown>;

export function compareTyped(expected: Typed, actual: Typed, where: string, volatile = false): string[] {
  if (expected['t'] !== actual['t']) return [`${where}: type ${String(actual['t'])}, expected ${String(expected['t'])}`];
  if (volatile) return [];
  const problems: string[] = [];
  const same = (key: string) => {
    if (key in expected && JSON.stringify(expected[key]) !== JSON.stringify(actual[key])) {
      problems.push(`${where}.${key}: ${JSON.stringify(actual[key])}, expected ${JSON.stringify(expected[key])}`);
    }
  };
  switch (expected['t']) {
    case 'integer': case 'string': case 'boolean': same('v'); break;
    case 'real': same('hex'); break;
    case 'abstime': same('secs'); same('str'); break;
    case 'reltime': same('hex'); same('str'); break;
    case 'list': {
      same('size');
      const items = (expected['items'] as Typed[] | undefined) ?? [];
      const got = (actual['items'] as Typed[] | undefined) ?? [];
      items.forEach((item, i) => problems.push(...compareTyped(item, got[i] ?? { t: 'missing' }, `${where}[${i}]`)));
      break;
    }
    case 'classad': {
      same('size');
      const attrs = (expected['attrs'] as [string, Typed][] | undefined) ?? [];
      const got = (actual['attrs'] as [string, Typed][] | undefined) ?? [];
      attrs.forEach(([name, value], i) => {
        const mine = got[i];
        if (!mine || mine[0] !== name) problems.push(`${where}: attribute ${i} is ${mine?.[0]}, expected ${name}`);
        else problems.push(...compareTyped(value, mine[1], `${where}.${name}`));
      });
      break;
    }
  }
  same('unparse');
  return problems;
}
