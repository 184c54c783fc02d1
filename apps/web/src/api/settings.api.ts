import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * A write that refreshes what it changed: every query under `keys` is fetched again once it succeeds.
 * Settings pages change little and read it back at once, so refetching beats patching the cache.
 */
export function useChange<I, O>(call: (input: I) => Promise<O>, keys: QueryKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
