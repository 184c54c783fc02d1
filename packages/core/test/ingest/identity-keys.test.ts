import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeMessage, normalizePhone } from '../../src/ingest/index.ts';
import { aContext, aGroup, aTrack, accepted, anAlias, anIdentify } from './message.factory.ts';

const keysOf = (raw: Record<string, unknown>) => accepted(normalizeMessage(raw, aContext())).identityKeys;

describe('normalizePhone', () => {
  it.each(['0812-3456-7890', '62812 3456 7890', '+62 812-3456-7890', '+6281234567890', '(0812) 3456 7890'])(
    'writes %j as +6281234567890',
    (input) => {
      expect(normalizePhone(input)).toBe('+6281234567890');
    },
  );

  it('reads a number with its own country code as that country', () => {
    expect(normalizePhone('+1 650 253 0000')).toBe('+16502530000');
  });

  it('reads a national number in the default country given', () => {
    expect(normalizePhone('012 345 6789', 'MY')).toBe('+60123456789');
  });

  it.each(['12', 'abc', '', '+62 812'])('finds no phone in %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases an email', () => {
    expect(normalizeEmail('  Siti@Toko.CO.ID ')).toBe('siti@toko.co.id');
  });

  it.each(['siti', 'siti@toko', '@toko.id', 'siti @toko.id', 'siti@toko.id@x.id'])(
    'finds no email in %j',
    (input) => {
      expect(normalizeEmail(input)).toBeNull();
    },
  );
});

describe('identity keys', () => {
  it('lists user id, anonymous id, phone and email, in that order', () => {
    expect(keysOf(anIdentify({ anonymousId: 'anon-1' }))).toEqual([
      { kind: 'user_id', value: 'user-1' },
      { kind: 'anonymous_id', value: 'anon-1' },
      { kind: 'phone', value: '+6281234567890' },
      { kind: 'email', value: 'siti@toko.co.id' },
    ]);
  });

  it('finds the phone and email of a track in context.traits', () => {
    const message = aTrack({ context: { traits: { phone: '+62 812-3456-7890', email: 'B@X.ID' } } });
    expect(keysOf(message)).toEqual([
      { kind: 'user_id', value: 'user-1' },
      { kind: 'phone', value: '+6281234567890' },
      { kind: 'email', value: 'b@x.id' },
    ]);
  });

  it("falls back to context.traits when an identify's own phone is invalid", () => {
    const message = anIdentify({ traits: { phone: '12' }, context: { traits: { phone: '081234567890' } } });
    expect(keysOf(message)).toContainEqual({ kind: 'phone', value: '+6281234567890' });
  });

  it('accepts a phone sent as a number', () => {
    expect(keysOf(anIdentify({ traits: { phone: 6281234567890 } }))).toContainEqual({
      kind: 'phone',
      value: '+6281234567890',
    });
  });

  it('keeps an invalid phone in the traits as sent, without making it a key', () => {
    const message = accepted(normalizeMessage(anIdentify({ traits: { phone: 'call me' } }), aContext()));
    expect(message.traits.phone).toBe('call me');
    expect(message.identityKeys.map((k) => k.kind)).toEqual(['user_id']);
  });

  it("does not take a group's phone for the person's", () => {
    expect(keysOf(aGroup({ traits: { phone: '0812-3456-7890' } }))).toEqual([
      { kind: 'user_id', value: 'user-1' },
    ]);
  });

  it("gives an alias's previousId under both id kinds, since it may be either", () => {
    expect(keysOf(anAlias({ previousId: 'anon-1' }))).toEqual([
      { kind: 'user_id', value: 'user-1' },
      { kind: 'user_id', value: 'anon-1' },
      { kind: 'anonymous_id', value: 'anon-1' },
    ]);
  });
});
