// Reading a Threadline trace (Chrome Trace Event JSON), the same in every
// browser's tests.
import assert from 'node:assert/strict';

// The trace's events of the process named for `mode`, plus those of its
// child processes (procs mode).
export function eventsOf(trace, mode) {
  const mine = new Set(
    trace.otherData.modes.filter((m) => m.mode === mode).map((m) => m.pid),
  );
  return trace.traceEvents.filter((e) => [...mine].some((pid) => e.pid >= pid && e.pid < pid + 100));
}

// How many pairs of `cat` intervals of different threads overlap.
export function crossThreadOverlaps(events, cat) {
  const spans = events.filter((e) => e.ph === 'X' && e.cat === cat);
  let overlaps = 0;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const [a, b] = [spans[i], spans[j]];
      const sameLane = a.pid === b.pid && a.tid === b.tid;
      if (!sameLane && a.ts < b.ts + b.dur && b.ts < a.ts + a.dur) overlaps++;
    }
  }
  return overlaps;
}

// The end of a mode's last interval, in ms: its wall time as the trace tells it.
export function traceWallMs(events) {
  return Math.max(...events.filter((e) => e.ph === 'X').map((e) => (e.ts + e.dur) / 1000));
}

export function assertSameChecksum(summaries) {
  const ran = summaries.filter((s) => s.status !== 'unavailable');
  assert.ok(ran.length > 0);
  for (const s of ran) assert.equal(s.checksum, ran[0].checksum, `${s.mode} checksum`);
}
