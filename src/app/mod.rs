//! The page: state, controller, outside API, and the components.

mod api;
mod controller;
mod controls;
mod dom;
mod export;
mod frame_stats;
mod intervals;
mod legend;
mod notices;
mod output;
mod replay;
mod replay_bar;
mod results;
mod state;
mod status;
mod sweep;
mod timeline;
mod view;

pub use view::App;
