//! The parser never panics and never hangs: every prefix of real programs,
//! random mutations of them, soups of tokens and of bytes, and nesting far
//! beyond any real program. Each error it returns is well formed.

use std::sync::mpsc;
use std::time::Duration;
use threadline_python::parse::{SyntaxError, parse};

/// Programs of the kind the lab runs.
const PROGRAMS: &[&str] = &[
    r#"import threading, time

counter = 0
lock = threading.Lock()

def work(n, delay=0.1):
    global counter
    for i in range(n):
        with lock:
            counter += 1
        time.sleep(delay)
    return counter

threads = [threading.Thread(target=work, args=(10,), name=f"worker-{i}") for i in range(4)]
for t in threads:
    t.start()
print(f"counter = {counter:>8}", end="\n")
"#,
    r#"import asyncio

async def fetch(name, delay):
    print(f"start {name!r}")
    await asyncio.sleep(delay)
    return {"name": name, "delay": delay}

async def main():
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in zip("abc", [0.3, 0.1, 0.2])]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("error:", r)
        elif r["delay"] > 0.15:
            print("slow", r["name"])
        else:
            print('fast', r['name'])

if __name__ == "__main__":
    asyncio.run(main())
"#,
    r#"from dataclasses import dataclass
@dataclass
class Job:
    ident: int
    size: int = 100
    def cost(self) -> float:
        return self.size * 1.5 / (self.ident + 1)

class Producer(Base, metaclass=Meta):
    def __init__(self, items, /, *, key=None, **kw):
        super().__init__(daemon=True)
        self.items = list(items)
    def run(self):
        try:
            for item in self.items:
                q.put(item, timeout=1.0)
        except (queue.Full, KeyError) as exc:
            raise RuntimeError("queue full") from exc
        else:
            pass
        finally:
            q.put(None)

def gen(n):
    a, b = 0, 1
    while a < n:
        yield a
        a, b = b, a + b
    x = lambda k, *r: -2 ** k if not r else [v for v in r if v % 2][::-1]
    del x
    assert n > 0, 'positive'
    return {k: v for k, v in zip('ab', b'\x00\xff')}, f'{n:{width}.{prec}f}', 0x1F + 1_000.5e-3
"#,
];

/// Parses on a thread of its own with a deadline; a panic, a stack
/// overflow caught as a panic, or a hang fails the test.
fn parse_checked(src: String) -> Result<(), String> {
    let (send, receive) = mpsc::channel();
    let shown = src.chars().take(120).collect::<String>();
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let result = parse(&src).map(|_| ()).map_err(|e| check_error(&src, &e));
            let _ = send.send(result);
        })
        .map_err(|e| e.to_string())?;
    match receive.recv_timeout(Duration::from_secs(10)) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(None)) => Ok(()),
        Ok(Err(Some(problem))) => Err(format!("{shown:?}: {problem}")),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!("{shown:?}: no answer in 10 s")),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(format!("{shown:?}: the parser panicked")),
    }
}

/// What is wrong with an error's shape, if anything.
fn check_error(src: &str, e: &SyntaxError) -> Option<String> {
    let lines = src.split(['\n', '\r']).count() as u32 + 1;
    if e.msg.is_empty() {
        return Some("empty message".into());
    }
    if e.line > lines || e.end_line > lines.max(e.line) {
        return Some(format!("line {} or {} past the source", e.line, e.end_line));
    }
    if e.line == 0 && !e.msg.contains("null bytes") {
        return Some(format!("no line for {:?}", e.msg));
    }
    None
}

/// A small deterministic random generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Runs every source, collecting the failures.
fn run_all(sources: impl IntoIterator<Item = String>) {
    let failures: Vec<String> = sources
        .into_iter()
        .filter_map(|src| parse_checked(src).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every prefix of each program, cut at each character.
#[test]
fn every_prefix_of_real_programs() {
    let mut sources = Vec::new();
    for program in PROGRAMS {
        for (i, _) in program.char_indices() {
            sources.push(program[..i].to_string());
        }
    }
    run_all(sources);
}

/// Programs with a character or a token removed, doubled or replaced.
#[test]
fn mutations_of_real_programs() {
    const INSERTS: &[&str] = &[
        ":", "(", ")", "[", "]", "{", "}", ",", "=", "\n", "    ", "\t", "\\", "#", "\"", "'",
        "f'{", "}", "lambda", "yield", "await", "async", "def ", "if ", "else", "*", "**", ":=",
        "@", ";", "\"\"\"", "1abc", "$", "\u{20ac}", "\u{e9}", "\0", "\r", "0x", "1e", ".", "->",
        "not in",
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut sources = Vec::new();
    for _ in 0..3000 {
        let program = PROGRAMS[rng.below(PROGRAMS.len())];
        let chars: Vec<char> = program.chars().collect();
        let at = rng.below(chars.len());
        let len = 1 + rng.below(4);
        let mut mutated: Vec<char> = chars[..at].to_vec();
        match rng.below(3) {
            0 => mutated.extend(&chars[(at + len).min(chars.len())..]),
            1 => {
                mutated.extend(INSERTS[rng.below(INSERTS.len())].chars());
                mutated.extend(&chars[at..]);
            }
            _ => {
                mutated.extend(&chars[at..(at + len).min(chars.len())]);
                mutated.extend(&chars[at..]);
            }
        }
        sources.push(mutated.into_iter().collect());
    }
    run_all(sources);
}

/// Random sequences of Python's tokens, keywords and layout.
#[test]
fn token_soup() {
    const TOKENS: &[&str] = &[
        "x",
        "f",
        "1",
        "2.5",
        "'s'",
        "b'b'",
        "f'{x}'",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        ";",
        ".",
        "=",
        "==",
        "+",
        "-",
        "*",
        "**",
        "/",
        "//",
        "%",
        "@",
        "|",
        "&",
        "^",
        "~",
        "<",
        ">",
        "<=",
        "!=",
        ":=",
        "->",
        "...",
        "if",
        "elif",
        "else",
        "for",
        "in",
        "while",
        "def",
        "class",
        "return",
        "yield",
        "lambda",
        "not",
        "and",
        "or",
        "is",
        "async",
        "await",
        "with",
        "as",
        "try",
        "except",
        "finally",
        "raise",
        "from",
        "import",
        "del",
        "pass",
        "break",
        "continue",
        "global",
        "nonlocal",
        "assert",
        "None",
        "True",
        "print",
        "match",
        "case",
        "\n",
        "\n    ",
        "\n        ",
        " ",
        "\\\n",
        "#c\n",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut sources = Vec::new();
    for _ in 0..4000 {
        let count = 1 + rng.below(40);
        let mut src = String::new();
        for _ in 0..count {
            src.push_str(TOKENS[rng.below(TOKENS.len())]);
            if rng.below(3) == 0 {
                src.push(' ');
            }
        }
        sources.push(src);
    }
    run_all(sources);
}

/// Random characters, ASCII and not, control characters included.
#[test]
fn byte_soup() {
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    let mut sources = Vec::new();
    for _ in 0..3000 {
        let count = rng.below(60);
        let src: String = (0..count)
            .map(|_| match rng.below(10) {
                0 => char::from_u32(rng.below(0x3000) as u32).unwrap_or('?'),
                1 => ['\n', '\t', '\r', '\x0c', '\0', '\\', '"', '\''][rng.below(8)],
                _ => (b' ' + rng.below(95) as u8) as char,
            })
            .collect();
        sources.push(src);
    }
    run_all(sources);
}

/// Nesting and chains far deeper than any real program: a clear error or
/// a tree, never a crash.
#[test]
fn deep_nesting() {
    let deep = |open: &str, inner: &str, close: &str, n: usize| {
        format!("x = {}{inner}{}\n", open.repeat(n), close.repeat(n))
    };
    let mut sources = vec![
        deep("(", "1", ")", 99),
        deep("(", "1", ")", 1000),
        deep("[", "", "]", 1000),
        deep("{", "", "}", 300),
        deep("f(", "", ")", 1000),
        deep("-", "1", "", 100_000),
        deep("not ", "x", "", 10_000),
        deep("lambda: ", "x", "", 5000),
        deep("a if b else ", "c", "", 5000),
        deep("", "a", " ** a", 5000),
        format!("x = a{}\n", ".b".repeat(100_000)),
        format!("x = a{}\n", " + b".repeat(100_000)),
        format!("x = a{}\n", "[0]".repeat(100_000)),
        format!("x = a{}\n", "()".repeat(100_000)),
        format!("x = {}\n", "a < ".repeat(10_000) + "b"),
        format!("x = {}\n", "a and ".repeat(10_000) + "b"),
        format!("x = {}\n", "'s' ".repeat(10_000)),
        format!("if a: pass\n{}", "elif b: pass\n".repeat(10_000)),
        format!("x = f'{{{}1{}}}'\n", "(".repeat(500), ")".repeat(500)),
        format!("x = {}\n", "(".repeat(300)),
        "x = a ".repeat(20_000),
    ];
    let mut blocks = String::new();
    for depth in 0..150 {
        blocks.push_str(&" ".repeat(depth));
        blocks.push_str("if x:\n");
    }
    sources.push(blocks);
    run_all(sources);
}
