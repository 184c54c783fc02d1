const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * `Date.prototype.toISOString` without a Date per call: the date part is cached per UTC day, which
 * matters at hundreds of thousands of timestamps a second. Valid for years 0000 to 9999.
 */
export class IsoTime {
  private day = Number.NaN;
  private prefix = '';

  format(at: number): string {
    const day = Math.floor(at / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    }
    let rest = at - day * DAY_MS;
    const ms = rest % 1000;
    rest = (rest - ms) / 1000;
    const seconds = rest % 60;
    rest = (rest - seconds) / 60;
    const minutes = rest % 60;
    const hours = (rest - minutes) / 60;
    return `${this.prefix}${PAD2[hours]!}:${PAD2[minutes]!}:${PAD2[seconds]!}.${PAD3[ms]!}Z`;
  }
}
