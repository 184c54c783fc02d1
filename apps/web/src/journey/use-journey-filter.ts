import { CHANNELS } from '@jejak/core/channels';
import { useSearchParams } from 'react-router';
import type { JourneyFilter } from '../api/journey.api.ts';

export type FilterName = keyof JourneyFilter;

/**
 * The channel and branch the journey pages show, kept in the URL beside the period
 * (?channel=ads&branch=br-kemang), so a link or a reload shows the same customers.
 * An unknown channel in the URL is ignored rather than sent.
 */
export function useJourneyFilter() {
  const [params, setParams] = useSearchParams();
  const channel = params.get('channel');
  const branch = params.get('branch');
  const filter: JourneyFilter = {
    ...(channel !== null && (CHANNELS as readonly string[]).includes(channel) ? { channel } : {}),
    ...(branch ? { branch } : {}),
  };
  const setFilter = (name: FilterName, value: string | undefined) =>
    setParams((current) => {
      if (value) current.set(name, value);
      else current.delete(name);
      return current;
    });
  const clear = () =>
    setParams((current) => {
      current.delete('channel');
      current.delete('branch');
      return current;
    });
  return { filter, setFilter, clear };
}
