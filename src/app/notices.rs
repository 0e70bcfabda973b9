//! Dismissible notices naming each corrected or ignored setting.

use super::controller::Controller;
use std::rc::Rc;
use threadline_core::page::Action;
use threadline_core::params::Notice;
use yew::prelude::*;

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The notices to show.
    pub notices: Vec<Notice>,
}

/// The corrections made to the settings, each with a dismiss button.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let controller = use_context::<Rc<Controller>>();
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <ul class="notices" role="status" aria-label="Settings that were corrected">
            { for props.notices.iter().enumerate().map(|(i, notice)| {
                let dismiss = controller.clone().map(|c| {
                    Callback::from(move |_| c.store().dispatch(Action::DismissNotice(i)))
                });
                html! {
                    <li class="notice" data-notice-key={notice.key.clone()}>
                        <span>{ &notice.message }</span>
                        <button class="icon" aria-label={format!("Dismiss the notice about {}", notice.key)}
                                onclick={dismiss.unwrap_or_default()}>{ "×" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
