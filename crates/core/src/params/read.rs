//! Reading one value of a setting: numbers clamped to their range, flags,
//! and the notice that names each correction.

use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// A correction made to the input, for the page to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// The key concerned.
    pub key: String,
    /// What was wrong and what was done instead.
    pub message: String,
}

pub(super) fn notice(key: &str, message: String) -> Notice {
    Notice {
        key: key.to_string(),
        message,
    }
}

/// Reads a number in `range`: clamped if outside, `None` if not a number.
pub(super) fn number(
    key: &str,
    value: &str,
    range: &RangeInclusive<u32>,
    notices: &mut Vec<Notice>,
) -> Option<u32> {
    let Ok(parsed) = value.trim().parse::<i64>() else {
        notices.push(notice(
            key,
            format!("`{key}={value}` is not a whole number; it was ignored"),
        ));
        return None;
    };
    let (low, high) = (i64::from(*range.start()), i64::from(*range.end()));
    let clamped = parsed.clamp(low, high);
    if clamped != parsed {
        let side = if parsed < low {
            "below the minimum"
        } else {
            "above the maximum"
        };
        notices.push(notice(
            key,
            format!("`{key}={value}` is {side}; using {clamped}"),
        ));
    }
    Some(clamped as u32)
}

pub(super) fn flag(key: &str, value: &str, notices: &mut Vec<Notice>) -> Option<bool> {
    match value.trim() {
        "1" | "true" => Some(true),
        "0" | "false" | "" => Some(false),
        _ => {
            notices.push(notice(
                key,
                format!("`{key}={value}` is not 1 or 0; it was ignored"),
            ));
            None
        }
    }
}
