//! Wakes the worker's driver as soon as something arrives from outside (a
//! child's message, a notice from the parent, a network answer) instead of
//! at its next look: a process waiting on another through the broker would
//! otherwise pay a timer's delay at every exchange.

use futures_channel::mpsc::{UnboundedReceiver, UnboundedSender, unbounded};
use futures_util::StreamExt;
use futures_util::future::select;
use std::cell::Cell;

/// The driver's side: waits for news or a deadline.
pub struct News {
    /// Taken out while the driver waits on it (never two waits at once).
    heard: Cell<Option<UnboundedReceiver<()>>>,
    tell: UnboundedSender<()>,
}

impl Default for News {
    fn default() -> Self {
        let (tell, heard) = unbounded();
        News {
            heard: Cell::new(Some(heard)),
            tell,
        }
    }
}

impl News {
    /// What a listener calls when something arrived.
    pub fn teller(&self) -> Teller {
        Teller(self.tell.clone())
    }

    /// Waits until news arrives or `ms` pass; news that came meanwhile
    /// counts at once.
    pub async fn wait(&self, ms: f64) {
        let Some(mut heard) = self.heard.take() else {
            threadline_web::timer::sleep(ms, None).await;
            return;
        };
        if heard.try_recv().is_err() {
            let timer = std::pin::pin!(threadline_web::timer::sleep(ms, None));
            let _ = select(heard.next(), timer).await;
        }
        while heard.try_recv().is_ok() {}
        self.heard.set(Some(heard));
    }
}

/// Tells the driver something arrived.
#[derive(Clone)]
pub struct Teller(UnboundedSender<()>);

impl Teller {
    /// Wakes the driver.
    pub fn tell(&self) {
        let _ = self.0.unbounded_send(());
    }
}
