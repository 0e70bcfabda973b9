//! Reading what a caller of `window.threadline.run(params)` passed: the same
//! keys as the URL, plus `record` and `inject`. A value of the wrong type
//! (`null`, an object, `NaN`, a function) makes the call reject with a clear
//! message; a value of the right type that is out of range is corrected, as
//! in the URL, and named in a notice.

use super::controller::RunOptions;
use threadline_core::faults::{Faults, TaskSet};
use wasm_bindgen::{JsCast, JsValue};

/// A call's settings and options, read.
pub struct RunInput {
    /// Settings as URL key/value pairs.
    pub pairs: Vec<(String, String)>,
    /// How to run.
    pub options: RunOptions,
}

fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if value.is_function() {
        "a function".into()
    } else if js_sys::Array::is_array(value) {
        "a list".into()
    } else if value.as_f64().is_some() {
        format!("{}", value.as_f64().unwrap_or_default())
    } else {
        "an object".into()
    }
}

/// A setting's value as URL text: strings, finite numbers and booleans, or
/// a list of strings and numbers (for `modes` and `fail`).
fn setting_text(key: &str, value: &JsValue) -> Result<String, String> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(if flag { "1" } else { "0" }.into());
    }
    if let Some(number) = value.as_f64().filter(|n| n.is_finite()) {
        return Ok(number.to_string());
    }
    if js_sys::Array::is_array(value) {
        let items: Result<Vec<String>, String> = js_sys::Array::from(value)
            .iter()
            .map(|item| match (item.as_string(), item.as_f64()) {
                (Some(text), _) => Ok(text),
                (None, Some(n)) if n.is_finite() => Ok(n.to_string()),
                _ => Err(format!(
                    "`{key}` may list only strings and numbers, not {}",
                    describe(&item)
                )),
            })
            .collect();
        return Ok(items?.join(","));
    }
    Err(format!(
        "`{key}` must be a string, a number, true/false or a list, not {}",
        describe(value)
    ))
}

fn task_list(key: &str, value: &JsValue) -> Result<TaskSet, String> {
    if value.is_undefined() {
        return Ok(TaskSet::default());
    }
    if !js_sys::Array::is_array(value) {
        return Err(format!("`inject.{key}` must be a list of task numbers"));
    }
    let tasks: Result<Vec<u32>, String> = js_sys::Array::from(value)
        .iter()
        .map(|item| match item.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 256.0 => Ok(n as u32),
            _ => Err(format!(
                "`inject.{key}` must list task numbers from 0 to 255"
            )),
        })
        .collect();
    Ok(TaskSet::of(tasks?))
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// `inject: {trap, hang, watchdogMs}`: faults for tests of robustness.
fn inject(value: &JsValue, options: &mut RunOptions) -> Result<(), String> {
    if !value.is_object() || js_sys::Array::is_array(value) || value.is_function() {
        return Err("`inject` must be an object like {trap: [2], watchdogMs: 2000}".into());
    }
    options.faults = Faults {
        trap: task_list("trap", &get(value, "trap"))?,
        hang: task_list("hang", &get(value, "hang"))?,
    };
    let watchdog = get(value, "watchdogMs");
    if !watchdog.is_undefined() {
        match watchdog.as_f64() {
            Some(ms) if (100.0..=600_000.0).contains(&ms) => options.watchdog_ms = ms,
            _ => {
                return Err("`inject.watchdogMs` must be a number of ms from 100 to 600000".into());
            }
        }
    }
    Ok(())
}

/// Reads `run`'s argument.
pub fn run_input(params: &JsValue) -> Result<RunInput, String> {
    let mut input = RunInput {
        pairs: Vec::new(),
        options: RunOptions::default(),
    };
    if params.is_undefined() {
        return Ok(input);
    }
    if !params.is_object() || js_sys::Array::is_array(params) || params.is_function() {
        return Err(format!(
            "run() takes an object of settings, such as {{workload: 'primes', tasks: 8}}, not {}",
            describe(params)
        ));
    }
    for entry in js_sys::Object::entries(params.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let (key, value) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1));
        match key.as_str() {
            "record" => match value.as_bool() {
                Some(record) => input.options.record = record,
                None => {
                    return Err(format!(
                        "`record` must be true or false, not {}",
                        describe(&value)
                    ));
                }
            },
            "inject" => inject(&value, &mut input.options)?,
            _ => {
                let text = setting_text(&key, &value)?;
                input.pairs.push((key, text));
            }
        }
    }
    Ok(input)
}
