//! The window fitted to the screen it opened on, or made full screen on a kiosk till; shared
//! by the till and the first-run setup.

use iced::{Size, Task, window};

/// Asks for the screen the window opened on and the window's size: the first, to fit the window
/// to it (a window manager maximizes it anyway); the second, to lay out for the size it has.
pub fn measure_window<M: Send + 'static>(
    monitor: fn(window::Id, Option<Size>) -> M,
    resized: fn(Size) -> M,
) -> Task<M> {
    window::oldest().then(move |id| match id {
        Some(id) => {
            Task::batch([window::monitor_size(id).map(move |size| monitor(id, size)), window::size(id).map(resized)])
        }
        None => Task::none(),
    })
}

/// Fits the window to the screen it is on (`size`), or makes it full screen on a kiosk till.
pub fn fit_window<M: Send + 'static>(id: window::Id, size: Option<Size>, fullscreen: bool) -> Task<M> {
    let Some(size) = size else { return Task::none() };
    if fullscreen {
        return window::set_mode(id, window::Mode::Fullscreen);
    }
    Task::batch([window::move_to(id, iced::Point::ORIGIN), window::resize(id, size), window::maximize(id, true)])
}
