import type { OrderChannel } from './business-profile.types.ts';
import type { OrderRef, Person } from './customer.state.ts';
import type { WebPage } from './message-factory.ts';
import type { JsonObject } from './segment-message.types.ts';
import type { Clock, SimulationContext } from './simulation.context.ts';
import { assertUnreachable } from './unreachable.ts';

type Line = {
  product_id: string;
  sku: string;
  name: string;
  category: string;
  price: number;
  quantity: number;
};
type Basket = { products: Line[]; total: number };

function fillBasket(ctx: SimulationContext): Basket {
  const products: Line[] = [];
  let total = 0;
  for (let n = ctx.lines.draw(ctx.random); n > 0; n--) {
    const product = ctx.products.draw(ctx.random);
    const quantity = ctx.quantities.draw(ctx.random);
    total += product.price * quantity;
    const line = products.find((l) => l.product_id === product.id);
    if (line !== undefined) line.quantity += quantity;
    else
      products.push({
        product_id: product.id,
        sku: product.sku,
        name: product.name,
        category: product.category,
        price: product.price,
        quantity,
      });
  }
  return { products, total };
}

function orderPrefix(ctx: SimulationContext, channel: OrderChannel, branch: number, person: Person): string {
  switch (channel) {
    case 'store':
      return ctx.profile.branches[branch]!.code;
    case 'web':
      return 'WEB';
    case 'app':
      return 'APP';
    case 'marketplace':
      return person.marketplace.slice(0, 3).toUpperCase();
    case 'whatsapp':
      return 'WA';
    default:
      return assertUnreachable(channel);
  }
}

function signUpIfNew(
  ctx: SimulationContext,
  person: Person,
  clock: Clock,
  onApp: boolean,
  page: WebPage,
): void {
  if (person.webUserId !== undefined) return;
  const identity = ctx.identityOf(person);
  person.webUserId = `usr_${ctx.random.hex(2)}`;
  const traits = { name: identity.name, email: identity.email, phone: identity.phone };
  const at = clock.tick(20, 120);
  ctx.emit(
    at,
    onApp ? ctx.factory.appIdentify(person, at, traits) : ctx.factory.webIdentify(person, at, traits, page),
  );
}

function registerAtCounter(ctx: SimulationContext, person: Person, clock: Clock, branchId: string): void {
  if (person.posKnown) return;
  const identity = ctx.identityOf(person);
  person.posKnown = true;
  const traits = { name: identity.name, phone: identity.posPhone, registered_branch_id: branchId };
  ctx.emit(
    clock.tick(10, 40),
    ctx.factory.serverIdentify(identity.customerCode, identity.posPhone, clock.at, traits),
  );
}

/** Emits everything that ends in an `Order Completed` through the given channel, and returns the order. */
export function placeOrder(
  ctx: SimulationContext,
  person: Person,
  clock: Clock,
  channel: OrderChannel,
): OrderRef {
  const { factory, random, profile } = ctx;
  const basket = fillBasket(ctx);
  const branchIndex =
    channel === 'store' && random.chance(0.25)
      ? random.int(0, profile.branches.length - 1)
      : person.homeBranch;
  const branch = profile.branches[branchIndex]!;
  const identity = ctx.identityOf(person);
  const orderId = ctx.nextId(orderPrefix(ctx, channel, branchIndex, person));
  const properties: JsonObject = {
    order_id: orderId,
    total: basket.total,
    revenue: basket.total,
    currency: 'IDR',
    products: basket.products,
    payment_method: ctx.payments[channel].draw(random),
    channel,
    branch_id: branch.id,
    branch_name: branch.name,
  };
  const order: OrderRef = {
    orderId,
    userId: identity.customerCode,
    phone: identity.posPhone,
    channel,
    total: basket.total,
    branch: branchIndex,
    productId: basket.products[0]!.product_id,
  };
  const checkout = { order_id: orderId, value: basket.total, currency: 'IDR' };
  switch (channel) {
    case 'store':
      registerAtCounter(ctx, person, clock, branch.id);
      properties.cashier_id = `emp_${branch.code.toLowerCase()}_${random.int(1, 4)}`;
      ctx.emit(
        clock.tick(30, 180),
        factory.serverTrack(order.userId, order.phone, clock.at, 'Order Completed', properties),
      );
      break;
    case 'web': {
      const cart: WebPage = {
        path: '/keranjang',
        title: `Keranjang | ${profile.name}`,
        search: '',
        referrer: person.lastUrl,
      };
      ctx.emit(clock.tick(5, 60), factory.webPage(person, clock.at, 'Keranjang', cart));
      ctx.emit(clock.tick(5, 40), factory.webTrack(person, clock.at, 'Checkout Started', checkout, cart));
      signUpIfNew(ctx, person, clock, false, cart);
      const done: WebPage = {
        path: '/checkout/selesai',
        title: `Pesanan berhasil | ${profile.name}`,
        search: '',
        referrer: factory.url('/checkout'),
      };
      ctx.emit(clock.tick(60, 300), factory.webTrack(person, clock.at, 'Order Completed', properties, done));
      order.userId = person.webUserId ?? order.userId;
      order.phone = identity.phone;
      break;
    }
    case 'app':
      ctx.emit(clock.tick(5, 40), factory.appScreen(person, clock.at, 'Keranjang', {}));
      ctx.emit(clock.tick(5, 30), factory.appTrack(person, clock.at, 'Checkout Started', checkout));
      signUpIfNew(ctx, person, clock, true, { path: '/', title: '', search: '', referrer: '' });
      ctx.emit(clock.tick(30, 200), factory.appTrack(person, clock.at, 'Order Completed', properties));
      order.userId = person.webUserId ?? order.userId;
      order.phone = identity.phone;
      break;
    case 'marketplace':
      properties.marketplace = person.marketplace;
      order.phone = identity.phone;
      ctx.emit(
        clock.tick(60, 600),
        factory.serverTrack(order.userId, order.phone, clock.at, 'Order Completed', properties),
      );
      break;
    case 'whatsapp':
      order.phone = `62${identity.national}`;
      ctx.emit(
        clock.tick(120, 900),
        factory.serverTrack(order.userId, order.phone, clock.at, 'Order Completed', properties),
      );
      break;
    default:
      return assertUnreachable(channel);
  }
  countOrder(ctx, person, order, properties.payment_method as string);
  return order;
}

function countOrder(ctx: SimulationContext, person: Person, order: OrderRef, payment: string): void {
  const orders = ctx.summary.orders;
  orders.count++;
  orders.revenue += order.total;
  orders.byChannel[order.channel] = (orders.byChannel[order.channel] ?? 0) + 1;
  const byPayment = orders.byPayment as Record<string, number>;
  byPayment[payment] = (byPayment[payment] ?? 0) + 1;
  person.orders++;
  if (!person.considered) ctx.reach(person, 'consideration');
  if (person.orders === 1) ctx.reach(person, 'purchase');
  if (person.orders === 2) ctx.reach(person, 'repeat');
}
