// The preview's whole draft, held after a first look until a page says it has drawn it (POST
// /drawn?v=<its sectionsVersion>, see server.ts and page.ts), or for `bound` ms when no page says so,
// so the draft's layout does not compete with the browser drawing the first look for the machine's two
// cores. With no page listening at /events, the draft is not held at all.

export interface DraftHold {
  /** Holds the draft after first look `version`; `goOn` lets it carry on. */
  start: (version: number, goOn: () => void) => void;
  /** A page has drawn first look `version`. */
  drawn: (version: number) => void;
  /** How long the last draft was held and what let it go on (null if it was not held), said once: for its log line. */
  takeRelease: () => string | null;
  cancel: () => void;
}

export function draftHold(bound: number, listening: () => number): DraftHold {
  let held: { version: number; since: number; goOn: () => void; timer: NodeJS.Timeout } | null = null;
  let last: string | null = null;
  const release = (why: string) => {
    if (!held) return;
    clearTimeout(held.timer);
    last = `held ${Math.round(performance.now() - held.since)} ms, ${why}`;
    const { goOn } = held;
    held = null;
    goOn();
  };
  const cancel = () => {
    if (held) clearTimeout(held.timer);
    held = null;
  };
  return {
    start: (version, goOn) => {
      cancel();
      last = null;
      if (listening() === 0) return goOn();
      held = { version, since: performance.now(), goOn, timer: setTimeout(() => release(`no page said it drew the first look within ${bound} ms`), bound) };
    },
    drawn: (version) => {
      if (held?.version === version) release("until the page drew the first look");
    },
    takeRelease: () => {
      const said = last;
      last = null;
      return said;
    },
    cancel,
  };
}
