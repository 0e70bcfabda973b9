//! A program's output, line by line, each line tied to the lane that
//! printed it and when: the lab's output pane moves the playhead there.
//!
//! The streams are what the program wrote, in the order written; the
//! record's print events say who wrote each piece and when. A piece is
//! matched to the stream it continues, so a stream that was cut short (the
//! output limit) or written around the recorder (the interpreter's own
//! traceback of the main thread) still shows, its lines simply untied.

use crate::record::{Event, EventKind};

/// One line of output.
#[derive(Clone, Debug, PartialEq)]
pub struct OutputLine {
    /// Its text, without the line break.
    pub text: String,
    /// Written to stderr.
    pub stderr: bool,
    /// Who printed it and when (µs since the run's start), if recorded.
    pub printed: Option<(u16, f64)>,
}

/// A recorded piece of a stream: where it starts, who wrote it, when.
struct Piece {
    start: usize,
    end: usize,
    lane: u16,
    at_us: f64,
}

/// Where each stream's pieces are, following the print events in time.
fn pieces(stdout: &str, stderr: &str, events: &[Event]) -> [Vec<Piece>; 2] {
    let mut prints: Vec<&Event> = events
        .iter()
        .filter(|e| e.kind == EventKind::Print)
        .collect();
    prints.sort_by(|a, b| a.at_us.total_cmp(&b.at_us));
    let streams = [stdout, stderr];
    let mut cursors = [0usize; 2];
    let mut found: [Vec<Piece>; 2] = [Vec::new(), Vec::new()];
    for event in prints {
        let Some(text) = event.text.as_deref().filter(|t| !t.is_empty()) else {
            continue;
        };
        let Some(stream) = (0..2).find(|&s| streams[s][cursors[s]..].starts_with(text)) else {
            continue;
        };
        let start = cursors[stream];
        cursors[stream] += text.len();
        found[stream].push(Piece {
            start,
            end: cursors[stream],
            lane: event.lane,
            at_us: event.at_us,
        });
    }
    found
}

/// The lines of one stream, each tied to the piece its first character
/// came from.
fn lines_of(stream: &str, stderr: bool, pieces: &[Piece], out: &mut Vec<OutputLine>) {
    let mut offset = 0;
    for line in stream.split_inclusive('\n') {
        let first = pieces
            .partition_point(|p| p.end <= offset)
            .min(pieces.len());
        let printed = pieces
            .get(first)
            .filter(|p| p.start <= offset)
            .map(|p| (p.lane, p.at_us));
        out.push(OutputLine {
            text: line.strip_suffix('\n').unwrap_or(line).to_string(),
            stderr,
            printed,
        });
        offset += line.len();
    }
}

/// Every line of `stdout`, then every line of `stderr`, tied to who
/// printed it where `events` say.
pub fn output_lines(stdout: &str, stderr: &str, events: &[Event]) -> Vec<OutputLine> {
    let [out_pieces, err_pieces] = pieces(stdout, stderr, events);
    let mut lines = Vec::new();
    lines_of(stdout, false, &out_pieces, &mut lines);
    lines_of(stderr, true, &err_pieces, &mut lines);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(lane: u16, at_us: f64, text: &str) -> Event {
        Event {
            lane,
            at_us,
            kind: EventKind::Print,
            line: 1,
            text: Some(text.to_string()),
            flow: None,
        }
    }

    /// A line's text, stream and printer.
    type Tied<'a> = (&'a str, bool, Option<(u16, f64)>);

    fn tied(lines: &[OutputLine]) -> Vec<Tied<'_>> {
        lines
            .iter()
            .map(|l| (l.text.as_str(), l.stderr, l.printed))
            .collect()
    }

    #[test]
    fn each_line_belongs_to_the_print_that_began_it() {
        // `print("a", "b")` writes in pieces; two threads print in turn.
        let events = [
            print(2, 30.0, "worker done\n"),
            print(0, 10.0, "a"),
            print(0, 10.5, " b"),
            print(0, 11.0, "\n"),
            print(1, 20.0, "half"),
            print(1, 21.0, " and half\nnext\n"),
        ];
        let stdout = "a b\nhalf and half\nnext\nworker done\n";
        let lines = output_lines(stdout, "", &events);
        assert_eq!(
            tied(&lines),
            [
                ("a b", false, Some((0, 10.0))),
                ("half and half", false, Some((1, 20.0))),
                ("next", false, Some((1, 21.0))),
                ("worker done", false, Some((2, 30.0))),
            ]
        );
    }

    #[test]
    fn stderr_is_matched_apart_and_what_was_not_recorded_stays_untied() {
        let events = [
            print(1, 5.0, "Exception in thread Thread-1:\n"),
            print(0, 6.0, "ok\n"),
            print(0, 7.0, "never written: cut by the output limit\n"),
        ];
        let stderr = "Exception in thread Thread-1:\nTraceback (most recent call last):\n";
        let lines = output_lines("ok\nlast words", stderr, &events);
        assert_eq!(
            tied(&lines),
            [
                ("ok", false, Some((0, 6.0))),
                ("last words", false, None),
                ("Exception in thread Thread-1:", true, Some((1, 5.0))),
                ("Traceback (most recent call last):", true, None),
            ]
        );
        assert!(output_lines("", "", &events).is_empty());
    }
}
