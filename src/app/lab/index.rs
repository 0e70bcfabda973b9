//! The lessons' index, in the order a reader meets the ideas.

use super::super::controller::Controller;
use std::rc::Rc;
use threadline_core::lab::lessons::{LESSONS, Section};
use yew::prelude::*;

/// Props of [`LessonIndex`].
#[derive(Properties, PartialEq)]
pub struct LessonIndexProps {
    /// The lesson open, if any.
    pub current: Option<AttrValue>,
    /// Whether a program is running (lessons cannot be switched then).
    pub running: bool,
}

/// The index: one list per section; the open lesson is marked.
#[component]
pub fn LessonIndex(props: &LessonIndexProps) -> Html {
    let controller = use_context::<Rc<Controller>>();
    let open = |id: Option<&'static str>| {
        let controller = controller.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(controller) = &controller {
                controller.open_lesson(id);
            }
        })
    };
    let current = props.current.as_deref();
    // Beside the lesson on a wide page; above it on a narrow one, where an
    // open list would push the lesson a screen or more down: closed there
    // while a lesson is open (as the page first draws it; the reader's
    // choice stands after that).
    let expanded = use_state(|| current.is_none() || !narrow_page());
    html! {
        <nav class="lesson-index" aria-label="Lessons">
            <details open={*expanded}>
                <summary>{ "Lessons" }</summary>
                <button type="button" class="linkish" onclick={open(None)} disabled={props.running}
                        aria-current={current.is_none().then_some("page")}>
                    { "Your own program" }
                </button>
                { for Section::ALL.iter().map(|&section| html! {
                    <section class="lesson-section">
                        <h3>{ section.title() }</h3>
                        <ol>
                        { for LESSONS.iter().filter(|l| l.section == section).map(|lesson| html! {
                            <li>
                                <a href={format!("?view=lab&lesson={}", lesson.id)}
                                   data-lesson={lesson.id}
                                   aria-current={(current == Some(lesson.id)).then_some("page")}
                                   onclick={open(Some(lesson.id))}>
                                    { lesson.title }
                                </a>
                            </li>
                        }) }
                        </ol>
                    </section>
                }) }
            </details>
        </nav>
    }
}

/// Whether the page is too narrow to show the index beside the lesson (the
/// width `lab.css` lays them side by side from).
fn narrow_page() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 999px)").ok().flatten())
        .is_some_and(|query| query.matches())
}
