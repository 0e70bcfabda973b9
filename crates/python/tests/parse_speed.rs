//! How long the parser takes on a 2,000-line program. A measurement, not an
//! assertion: run it with
//! `cargo test --release -p threadline-python --test parse_speed -- --ignored --nocapture`.

use std::time::Instant;
use threadline_python::parse::parse;

/// One section of a program of the kind the lab runs (40 lines).
const SECTION: &str = r#"class Worker{n}(threading.Thread):
    """A worker that sums what it is given."""

    def __init__(self, items, *, delay=0.01, name=None):
        super().__init__(name=name or f"worker-{n}", daemon=True)
        self.items = list(items)
        self.delay = delay
        self.total: int = 0

    def run(self):
        for i, item in enumerate(self.items):
            with lock:
                self.total += item ** 2 if item % 2 else -item
            if i and not i % 10:
                time.sleep(self.delay)
        return self.total


async def fetch{n}(session, url: str, retries: int = 3) -> dict:
    for attempt in range(retries):
        try:
            async with session.get(url, timeout=2.5) as response:
                data = await response.json()
                return {k: v for k, v in data.items() if v is not None}
        except (TimeoutError, ConnectionError) as exc:
            print(f"attempt {attempt + 1}/{retries} failed: {exc!r:>20}")
            await asyncio.sleep(0.1 * 2 ** attempt)
    raise RuntimeError(f"giving up on {url}")


def pipeline{n}(lines):
    words = (w.lower() for line in lines for w in line.split() if w.isalpha())
    counts = collections.Counter(words)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return [f"{w:<12}{c:>6,}" for w, c in top], sum(counts.values()) / max(len(counts), 1)


"#;

#[test]
#[ignore = "a measurement; run with --ignored --nocapture"]
#[allow(
    clippy::disallowed_methods,
    reason = "a native benchmark measures real time"
)]
fn parse_2000_lines() {
    let src: String = (0..50)
        .map(|n| SECTION.replace("{n}", &n.to_string()))
        .collect();
    let lines = src.lines().count();
    parse(&src).expect("the program parses");
    let rounds = 200;
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(parse(&src).expect("the program parses"));
    }
    let each = start.elapsed() / rounds;
    println!("{lines} lines, {} bytes: {each:?} per parse", src.len());
}
