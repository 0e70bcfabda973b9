//! The lab's URL keys: `view`, `lesson`, `build`, `interval` and `code`.

use super::Params;
use super::read::{Notice, notice};
use crate::lab::{self, Build, View};

impl Params {
    pub(super) fn set_lab(&mut self, key: &str, value: &str, notices: &mut Vec<Notice>) {
        let value = value.trim();
        match key {
            "view" => match value {
                "compare" => self.view = View::Compare,
                "lab" => self.view = View::Lab,
                _ => notices.push(notice(
                    key,
                    format!("there is no view `{value}`; using {}", self.view.id()),
                )),
            },
            "lesson" if value.is_empty() => self.lab.lesson = None,
            "lesson" => match lab::lessons::find(value) {
                Some(lesson) => {
                    self.lab.lesson = Some(lesson.id.to_string());
                    self.view = View::Lab;
                    if let Some(build) = lesson.build() {
                        self.lab.build = build;
                    }
                }
                None => notices.push(notice(
                    key,
                    format!("there is no lesson `{value}`; the lab opens without one"),
                )),
            },
            "build" => match Build::from_id(value) {
                Some(build) => self.lab.build = build,
                None => notices.push(notice(
                    key,
                    format!("there is no build `{value}`; using {}", self.lab.build.id()),
                )),
            },
            "interval" => match lab::interval_from_ms(value) {
                Ok((interval_us, clamped)) => {
                    self.lab.interval_us = interval_us;
                    if clamped {
                        notices.push(notice(
                            key,
                            format!(
                                "`interval={value}` is outside 0.1–100 ms; using {} ms",
                                lab::interval_ms_text(interval_us)
                            ),
                        ));
                    }
                }
                Err(why) => notices.push(notice(key, format!("{why}; it was ignored"))),
            },
            _ if value.is_empty() => self.lab.code = None,
            _ => match lab::code::decode(value) {
                Ok(text) => {
                    self.lab.code = Some(text);
                    self.view = View::Lab;
                }
                Err(why) => notices.push(notice(
                    key,
                    format!("`code` holds no program ({why}); it was ignored"),
                )),
            },
        }
    }

    pub(super) fn lab_query(&self, parts: &mut Vec<String>) {
        parts.push("view=lab".into());
        if let Some(lesson) = &self.lab.lesson {
            parts.push(format!("lesson={lesson}"));
        }
        if self.lab.build != Build::Gil {
            parts.push(format!("build={}", self.lab.build.id()));
        }
        if self.lab.interval_us != lab::DEFAULT_INTERVAL_US {
            parts.push(format!(
                "interval={}",
                lab::interval_ms_text(self.lab.interval_us)
            ));
        }
        if let Some(code) = &self.lab.code {
            parts.push(format!("code={}", lab::code::encode(code)));
        }
    }
}
