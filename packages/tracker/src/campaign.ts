/** Segment's `context.campaign`: the UTM parameters of the page a visit landed on. */
export interface Campaign {
  name?: string;
  source?: string;
  medium?: string;
  term?: string;
  content?: string;
}

// utm_campaign is the campaign's name in Segment's context, the others keep their own.
const UTM: readonly [param: string, field: keyof Campaign][] = [
  ['utm_campaign', 'name'],
  ['utm_source', 'source'],
  ['utm_medium', 'medium'],
  ['utm_term', 'term'],
  ['utm_content', 'content'],
];

/**
 * The campaign in a URL's query string, or null when it has no UTM parameter.
 *
 * @example campaignFromSearch('?utm_source=instagram&utm_campaign=gajian') // { name: 'gajian', source: 'instagram' }
 */
export function campaignFromSearch(search: string): Campaign | null {
  const params = new URLSearchParams(search);
  const campaign: Campaign = {};
  let found = false;
  for (const [param, field] of UTM) {
    const value = params.get(param);
    if (value !== null && value !== '') {
      campaign[field] = value.slice(0, 200);
      found = true;
    }
  }
  return found ? campaign : null;
}
