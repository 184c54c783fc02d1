import type { Located } from './rule-problems.ts';

/** The problems found under one part of the form, next to it. */
export function Problems({ items }: { items: Located[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="st-problems" role="alert">
      {items.map((p, i) => (
        <li key={`${p.path}-${i}`} data-testid="rule-problem" data-path={p.path}>
          {p.field && <strong>{p.field}: </strong>}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The problems whose path is `prefix` or lies under it. */
export function under(problems: Located[], prefix: string): Located[] {
  return problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}/`));
}
