//! The page: state, controller, outside API, and the components.

mod api;
mod controller;
mod controls;
mod dom;
mod notices;
mod output;
mod results;
mod state;
mod status;
mod timeline;
mod view;

pub use view::App;
