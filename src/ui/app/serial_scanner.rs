//! The serial scanner as an iced subscription: its reader runs on a thread of its own.

use iced::futures::SinkExt;

use crate::hardware::scanner::{self, ScannerEvent, ScannerSettings};

/// The serial scanner's events, read on a thread of its own for as long as the subscription
/// lives (a changed setting starts a new one).
pub(super) fn stream(settings: &ScannerSettings) -> impl iced::futures::Stream<Item = ScannerEvent> + use<> {
    let settings = settings.clone();
    iced::stream::channel(100, async move |output| {
        let spawned = std::thread::Builder::new().name("scanner".into()).spawn(move || {
            let mut output = output;
            scanner::read_loop(&settings, |event| match event {
                // An empty read only asks whether anybody still listens.
                ScannerEvent::Raw(bytes) if bytes.is_empty() => !output.is_closed(),
                event => futures::executor::block_on(output.send(event)).is_ok(),
            });
        });
        if let Err(e) = spawned {
            tracing::error!("cannot start the scanner thread: {e}");
        }
    })
}
