/** A small JSON client for Jejak's admin API, with a secret key. */
export function adminApi(baseUrl: string, secretKey: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${secretKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  };
}

/** A workspace for the benchmark and a write key for it, made through the API as a user would. */
export async function createBenchWorkspace(baseUrl: string, adminKey: string) {
  const api = adminApi(baseUrl, adminKey);
  const workspace = await api.post<{ id: string }>('/api/v1/workspaces', { name: 'Toko Bench' });
  const write = await api.post<{ key: string }>(`/api/v1/workspaces/${workspace.id}/keys`, {
    kind: 'write',
    name: 'bench',
  });
  return { workspaceId: workspace.id, writeKey: write.key };
}

/**
 * Times `count` GETs of one path, one at a time after `warmup` untimed ones, each from sending to
 * reading the whole answer. Throws on an answer that is not 200.
 */
export async function timeGets(url: string, headers: Record<string, string>, count: number, warmup = 10) {
  const latenciesMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < warmup + count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200)
      throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
    if (i >= warmup) latenciesMs.push(ms);
    bytes = text.length;
  }
  return { latenciesMs, bytes };
}
