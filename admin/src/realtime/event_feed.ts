/*
| The `events` channel with nothing missed, in four parts:
| - feed_events.ts: what an event is (envelope, API row, the feed's shape);
| - feed_fetch.ts:  catching up through GET /api/events?after=<seq>;
| - feed_store.ts:  the one feed of the app (live envelopes and catch-ups,
|                   merged and de-duplicated by seq) and its listeners;
| - feed_hooks.ts:  the React hooks screens use.
| Screens import from here.
*/
export * from './feed_events'
export * from './feed_fetch'
export * from './feed_store'
export * from './feed_hooks'
