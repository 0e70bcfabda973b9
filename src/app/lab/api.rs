//! The lab's part of `window.threadline`: what `runPython` reads and
//! resolves with, and what `lessons` lists.

use serde::Serialize;
use threadline_core::lab::claims::Verdict;
use threadline_core::lab::lessons::LESSONS;
use threadline_core::lab::run::LabRun;
use threadline_core::program::program_trace;
use wasm_bindgen::JsValue;

/// `runPython`'s answer.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PyResult {
    stdout: String,
    stderr: String,
    exit_code: i32,
    wall_ms: f64,
    /// The build that ran (an extension: it differs from the one asked for
    /// when the page cannot share memory).
    build: &'static str,
    /// Why it differs, if it does (an extension).
    fallback: Option<String>,
    /// The threads, processes and tasks that ran, by name.
    lanes: Vec<String>,
    /// The lesson's claim checked against this run, if a lesson is open.
    verdict: Option<Verdict>,
    /// The run as a Chrome Trace Event object.
    trace: Option<serde_json::Value>,
}

impl PyResult {
    /// The answer for `run`.
    pub fn of(run: &LabRun) -> Self {
        Self {
            stdout: run.stdout.clone(),
            stderr: run.stderr.clone(),
            exit_code: run.exit_code,
            wall_ms: run.wall_ms,
            build: run.build.id(),
            fallback: run.fallback.clone(),
            lanes: run.record.as_ref().map_or_else(Vec::new, |record| {
                record.lanes.iter().map(|l| l.name.clone()).collect()
            }),
            verdict: run.verdict.clone(),
            trace: run.record.as_ref().map(program_trace),
        }
    }
}

/// One entry of `lessons()`.
#[derive(Serialize)]
pub struct LessonEntry {
    id: &'static str,
    title: &'static str,
    concept: &'static str,
}

/// Every lesson, in reading order.
pub fn lesson_list() -> Vec<LessonEntry> {
    LESSONS
        .iter()
        .map(|l| LessonEntry {
            id: l.id,
            title: l.title,
            concept: l.concept,
        })
        .collect()
}

/// Reads `runPython`'s options, `{build, interval}`, as URL pairs; `undefined`
/// is no options.
pub fn python_options(options: &JsValue) -> Result<Vec<(String, String)>, String> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    if !options.is_object() || js_sys::Array::is_array(options) || options.is_function() {
        return Err(
            "runPython()'s options must be an object like {build: 'gil', interval: 5}".into(),
        );
    }
    let mut pairs = Vec::new();
    for key in ["build", "interval"] {
        let value = js_sys::Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() {
            continue;
        }
        let text = match (value.as_string(), value.as_f64()) {
            (Some(text), _) => text,
            (None, Some(n)) if n.is_finite() => n.to_string(),
            _ => return Err(format!("`{key}` must be a string or a number")),
        };
        pairs.push((key.to_string(), text));
    }
    Ok(pairs)
}
