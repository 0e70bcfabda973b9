//! The page: one store of state, one controller, the outside surfaces (the
//! JavaScript API and the embed messages), the effects that mirror the
//! state into the DOM, and one component per file.

mod api;
mod api_input;
mod controller;
mod controls;
mod dom;
mod embed;
mod embed_snippet;
mod equivalent;
mod exports;
mod frame_stats;
mod header;
mod intervals;
mod lab;
mod legend;
mod listeners;
mod notices;
mod output;
mod replay;
mod replay_bar;
mod results;
mod status;
mod store;
mod sweep;
mod sync;
mod timeline;
mod view;

pub use view::App;
