import { PREDICTION_EVENT } from '@jejak/core';
import { JourneyStateRepository, writeTransaction, type NewPrediction, type Store } from '@jejak/storage';
import type { JourneyService } from '../journey/journey.service.ts';
import { rowToState } from '../journey/journey-state.mapper.ts';
import type { SalesJourney } from '../sales/sales-journey.ts';

/**
 * The status rules' model option (rules `status.model`): after a fit, each predicted customer whose
 * probability alive falls in another band (active / at risk / churned) than the one his journey last
 * heard, or who never heard one, gets a PREDICTION_EVENT (customers who bought again only) at the fit's time. The journey engine turns it
 * into an ordinary status change (a transition the dashboard counts), and a rebuild replays it. Returns
 * how many events were sent; none without the option.
 */
export async function sendPredictionsToJourneys(
  store: Store,
  journey: JourneyService,
  events: SalesJourney,
  workspaceId: string,
  fit: { id: number; at: number },
  all: readonly Pick<NewPrediction, 'customer_id' | 'probability_alive' | 'frequency'>[],
): Promise<number> {
  // A customer who never bought again is alive by the model's construction (p = 1): not sent.
  const predictions = all.filter((p) => p.frequency > 0);
  const rules = await journey.rulesFor(store.db, workspaceId);
  const model = rules.rules.status.model;
  if (model === undefined) return 0;
  const band = (p: number | null) =>
    p === null ? 'none' : p < model.churnedBelow ? 'churned' : p < model.atRiskBelow ? 'at_risk' : 'alive';
  let sent = 0;
  for (let i = 0; i < predictions.length; i += 200) {
    const part = predictions.slice(i, i + 200);
    sent += await writeTransaction(store, async (trx) => {
      const states = await new JourneyStateRepository(trx).getMany(
        workspaceId,
        part.map((p) => p.customer_id),
      );
      const heard = new Map(states.map((s) => [s.customer_id, rowToState(s).predictedAlive ?? null]));
      let n = 0;
      for (const p of part) {
        if (band(heard.get(p.customer_id) ?? null) === band(p.probability_alive)) continue;
        await events.emit(trx, {
          workspaceId,
          customerId: p.customer_id,
          messageId: `prediction:${fit.id}:${p.customer_id}`,
          type: 'track',
          name: PREDICTION_EVENT,
          at: fit.at,
          channel: 'other',
          properties: { probability_alive: Number(p.probability_alive.toFixed(4)), fit_id: fit.id },
        });
        n++;
      }
      return n;
    });
  }
  return sent;
}
