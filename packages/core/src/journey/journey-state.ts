import type { Channel } from '../channel.ts';

/**
 * The event the nightly refit of the purchase model sends for a customer (`properties.probability_alive`,
 * 0..1): with the rules' `status.model` option, his status follows it. It is not a touchpoint and moves
 * no stage; it is stored and replayed like any other event, so a rebuild gives the same statuses.
 */
export const PREDICTION_EVENT = 'Churn Risk Predicted';

/** A customer's health beside his stage (DESIGN §2.2). */
export const CUSTOMER_STATUSES = ['new', 'active', 'at_risk', 'churned', 'won_back'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** How many recent negative experiences weigh on a customer: none, one (raised), two or more (high). */
export const RISK_LEVELS = ['none', 'raised', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Order times kept for the rhythm: enough for a stable median, bounded so the state stays small. */
export const MAX_ORDER_TIMES = 12;
/** Negative times kept: risk only needs two, the third shows "two or three" at a glance. */
export const MAX_NEGATIVE_TIMES = 3;

/**
 * Everything the engine knows about one customer's journey, as plain JSON. It equals the replay of the
 * customer's events up to `lastEventAt`/`lastMessageId`, advanced to `clock`. Times are epoch ms.
 */
export interface JourneyState {
  stage: string | null;
  stageEnteredAt: number | null;
  status: CustomerStatus;
  statusSince: number | null;
  risk: RiskLevel;
  /** First and last touchpoint (track, page, screen): identify/alias/group are bookkeeping, not a visit. */
  firstSeenAt: number | null;
  lastSeenAt: number | null;
  orderCount: number;
  /**
   * What the customer's orders were worth together (see `orderAmount`), in the currency's major unit
   * as the events send it. Absent from states stored before it existed: read it as 0.
   */
  orderValue: number;
  /** The most recent order times, oldest first, at most MAX_ORDER_TIMES. */
  orderTimes: number[];
  /** Median gap between `orderTimes` (null under two orders); kept so the hot path never re-sorts. */
  medianOrderGapMs: number | null;
  /** Times of negative experiences still inside the window, oldest first, at most MAX_NEGATIVE_TIMES. */
  negativeTimes: number[];
  /**
   * The purchase model's probability that he is still active, from the latest refit's prediction event
   * (PREDICTION_EVENT); cleared by his next order, which the prediction did not know. Absent from states
   * stored before it existed and from customers never predicted: read it as null.
   */
  predictedAlive?: number | null;
  /** When a churned customer ordered again; cleared when the won-back period ends. */
  wonBackAt: number | null;
  /**
   * Where the customer came from: the channel of his first touchpoint, the event that first brought him
   * in. It does not change afterwards, so all his moves are counted under one channel.
   */
  firstChannel: Channel | null;
  /** His branch: the outlet of his most recent event that named one (a sale, a pickup). */
  homeBranch: string | null;
  /** `homeBranch` when he entered his current stage: a stage visit is counted at the branch it began at. */
  stageHomeBranch: string | null;
  lastEventAt: number | null;
  lastMessageId: string | null;
  /** The time this state is valid at. */
  clock: number | null;
  /** The next time the clock alone can change this state (a timer or a status threshold), or null. */
  dueAt: number | null;
}

export interface Transition {
  kind: 'stage' | 'status';
  from: string | null;
  to: string;
  at: number;
  /** The messageId of the event that caused it, or 'clock' for a time-driven change. */
  cause: string;
  /** When the customer entered `from`; null for a first entry. `at - since` is the time spent in `from`. */
  since: number | null;
  /** The customer's `firstChannel` and `homeBranch` at the time of the move (see JourneyState). */
  firstChannel: Channel | null;
  homeBranch: string | null;
  /** For a stage move, the `homeBranch` he had when he entered `from`; null for a status move. */
  sinceHomeBranch: string | null;
}

export interface Step {
  state: JourneyState;
  transitions: Transition[];
}

/**
 * The state of a customer the engine has seen nothing of.
 *
 * @example
 * replay([], DEFAULT_RULES).state; // equals initialState()
 */
export function initialState(): JourneyState {
  return {
    stage: null,
    stageEnteredAt: null,
    status: 'new',
    statusSince: null,
    risk: 'none',
    firstSeenAt: null,
    lastSeenAt: null,
    orderCount: 0,
    orderValue: 0,
    orderTimes: [],
    medianOrderGapMs: null,
    negativeTimes: [],
    wonBackAt: null,
    firstChannel: null,
    homeBranch: null,
    stageHomeBranch: null,
    lastEventAt: null,
    lastMessageId: null,
    clock: null,
    dueAt: null,
  };
}

/** A copy the engine may mutate: the public functions never change the state they are given. */
export function cloneState(state: JourneyState): JourneyState {
  return { ...state, orderTimes: state.orderTimes.slice(), negativeTimes: state.negativeTimes.slice() };
}
