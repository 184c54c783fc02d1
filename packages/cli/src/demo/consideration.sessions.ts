import type { Product } from './business-profile.types.ts';
import type { Person } from './customer.state.ts';
import type { WebPage } from './message-factory.ts';
import type { JsonObject } from './segment-message.types.ts';
import type { Clock, SimulationContext } from './simulation.context.ts';

export const productProperties = (product: Product): JsonObject => ({
  product_id: product.id,
  sku: product.sku,
  name: product.name,
  category: product.category,
  price: product.price,
  currency: 'IDR',
});

/** Geometric count with the given mean, at least one: most sessions look at a couple of things, a few at many. */
function viewsIn(ctx: SimulationContext): number {
  return 1 + Math.floor(ctx.random.exponential(ctx.profile.browse.productViews - 0.5));
}

function webBrowse(ctx: SimulationContext, person: Person, clock: Clock, addToCart: boolean): void {
  const { factory, random, profile } = ctx;
  const { path, name } = profile.catalogue;
  const catalogue: WebPage = {
    path,
    title: `${name} | ${profile.name}`,
    search: '',
    referrer: person.lastUrl,
  };
  ctx.emit(clock.tick(3, 40), factory.webPage(person, clock.at, name, catalogue, 'product'));
  if (random.chance(0.3)) {
    const query = random.pick(profile.searchTerms);
    const page = { ...catalogue, search: `?q=${encodeURIComponent(query)}`, referrer: person.lastUrl };
    ctx.emit(clock.tick(4, 30), factory.webTrack(person, clock.at, 'Products Searched', { query }, page));
  }
  let product = ctx.products.draw(random);
  for (let views = viewsIn(ctx); views > 0; views--) {
    product = ctx.products.draw(random);
    const page: WebPage = {
      path: `${profile.catalogue.path}/${product.slug}`,
      title: `${product.name} | ${profile.name}`,
      search: '',
      referrer: person.lastUrl,
    };
    // Most product cards open a quick view in place: no page load, only the track call.
    if (random.chance(0.35))
      ctx.emit(clock.tick(5, 90), factory.webPage(person, clock.at, product.name, page, 'product'));
    ctx.emit(
      clock.tick(1, 20),
      factory.webTrack(person, clock.at, 'Product Viewed', productProperties(product), page),
    );
  }
  if (random.chance(0.25)) {
    const pricing: WebPage = {
      path: '/harga',
      title: `Daftar Harga | ${profile.name}`,
      search: '',
      referrer: person.lastUrl,
    };
    ctx.emit(clock.tick(5, 60), factory.webPage(person, clock.at, 'Daftar Harga', pricing, 'pricing'));
  }
  if (addToCart) {
    const page: WebPage = {
      path: `${profile.catalogue.path}/${product.slug}`,
      title: `${product.name} | ${profile.name}`,
      search: '',
      referrer: '',
    };
    ctx.emit(
      clock.tick(5, 60),
      factory.webTrack(
        person,
        clock.at,
        'Product Added',
        { ...productProperties(product), quantity: 1 },
        page,
      ),
    );
  }
}

function appBrowse(ctx: SimulationContext, person: Person, clock: Clock, addToCart: boolean): void {
  const { factory, random } = ctx;
  const { version, build } = ctx.profile.app;
  // The mobile libraries track lifecycle events on their own when the app comes to the foreground.
  ctx.emit(
    clock.at,
    factory.appTrack(person, clock.at, 'Application Opened', {
      from_background: random.chance(0.4),
      version,
      build,
    }),
  );
  ctx.emit(clock.tick(1, 20), factory.appScreen(person, clock.at, 'Beranda', {}));
  if (random.chance(0.3)) {
    const query = random.pick(ctx.profile.searchTerms);
    ctx.emit(clock.tick(3, 25), factory.appTrack(person, clock.at, 'Products Searched', { query }));
  }
  let product = ctx.products.draw(random);
  for (let views = viewsIn(ctx); views > 0; views--) {
    product = ctx.products.draw(random);
    ctx.emit(
      clock.tick(3, 60),
      factory.appScreen(person, clock.at, 'Detail Produk', { product_id: product.id }),
    );
    ctx.emit(
      clock.tick(0, 2),
      factory.appTrack(person, clock.at, 'Product Viewed', productProperties(product)),
    );
  }
  if (addToCart) {
    ctx.emit(
      clock.tick(3, 40),
      factory.appTrack(person, clock.at, 'Product Added', { ...productProperties(product), quantity: 1 }),
    );
  } else {
    ctx.emit(clock.tick(5, 120), factory.appTrack(person, clock.at, 'Application Backgrounded', {}));
  }
}

/** Looking around the catalogue on the app if the person has it, on the website otherwise. */
export function browse(ctx: SimulationContext, person: Person, clock: Clock, addToCart: boolean): void {
  if (person.hasApp) appBrowse(ctx, person, clock, addToCart);
  else webBrowse(ctx, person, clock, addToCart);
  if (!person.considered) ctx.reach(person, 'consideration');
}

/**
 * A question on WhatsApp. The shop's inbox knows the number and the profile name, so the first chat
 * identifies the person under the phone-based id before the inquiry itself.
 */
export function askOnWhatsApp(ctx: SimulationContext, person: Person, clock: Clock): void {
  const identity = ctx.identityOf(person);
  const phone = `62${identity.national}`;
  if (!person.whatsappKnown) {
    person.whatsappKnown = true;
    const traits = { name: identity.name, phone };
    ctx.emit(clock.tick(0, 5), ctx.factory.serverIdentify(identity.customerCode, phone, clock.at, traits));
  }
  const topic = ctx.random.pick(['harga', 'menu', 'stok', 'pengiriman', 'promo', 'jam buka']);
  const properties = { inquiry_id: ctx.nextId('INQ'), channel: 'whatsapp', topic };
  const at = clock.tick(5, 120);
  ctx.emit(at, ctx.factory.serverTrack(identity.customerCode, phone, at, 'Inquiry Received', properties));
}
