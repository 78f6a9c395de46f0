//! Why a device could not be used, as a kind the screen can say in the person's language. The
//! operating system's own words are English ("No such file or directory"), so they only go to
//! the log; [`Cause::Other`] keeps them for what has no kind of its own.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// No such device or file: unplugged, or a wrong path.
    NotFound,
    PermissionDenied,
    /// Another program has the device open.
    Busy,
    /// Nothing answers at that network address.
    Refused,
    TimedOut,
    /// The connection or port closed while in use.
    Closed,
    /// A network name that does not resolve.
    NoAddress,
    /// The disk (or the user's quota) is full.
    DiskFull,
    Other(String),
}

impl Cause {
    pub fn io(e: &std::io::Error) -> Cause {
        use std::io::ErrorKind;
        match e.kind() {
            ErrorKind::NotFound => Cause::NotFound,
            ErrorKind::PermissionDenied => Cause::PermissionDenied,
            ErrorKind::ResourceBusy => Cause::Busy,
            ErrorKind::ConnectionRefused | ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable => Cause::Refused,
            ErrorKind::TimedOut | ErrorKind::WouldBlock => Cause::TimedOut,
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Cause::DiskFull,
            ErrorKind::BrokenPipe
            | ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::NotConnected
            | ErrorKind::UnexpectedEof => Cause::Closed,
            _ => match e.raw_os_error() {
                // ENXIO, ENODEV: the device node is there but nothing is behind it.
                Some(6 | 19) => Cause::NotFound,
                Some(16) => Cause::Busy,
                _ => Cause::Other(e.to_string()),
            },
        }
    }

    pub fn serial(e: &serialport::Error) -> Cause {
        match e.kind() {
            serialport::ErrorKind::NoDevice => Cause::NotFound,
            serialport::ErrorKind::Io(kind) => Cause::io(&std::io::Error::new(kind, e.description.clone())),
            _ => Cause::Other(e.to_string()),
        }
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Cause::NotFound => "no such device",
            Cause::PermissionDenied => "permission denied",
            Cause::Busy => "the device is busy",
            Cause::Refused => "nothing answers at that address",
            Cause::TimedOut => "timed out",
            Cause::Closed => "the connection closed",
            Cause::NoAddress => "the address does not resolve",
            Cause::DiskFull => "the disk is full",
            Cause::Other(text) => text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_get_a_kind() {
        let check = |e: std::io::Error, expected: Cause| assert_eq!(Cause::io(&e), expected, "{e}");
        check(std::io::Error::from(std::io::ErrorKind::NotFound), Cause::NotFound);
        check(std::io::Error::from_raw_os_error(6), Cause::NotFound);
        check(std::io::Error::from_raw_os_error(13), Cause::PermissionDenied);
        check(std::io::Error::from(std::io::ErrorKind::ConnectionRefused), Cause::Refused);
        check(std::io::Error::from(std::io::ErrorKind::BrokenPipe), Cause::Closed);
        check(std::io::Error::other("strange"), Cause::Other("strange".into()));
    }
}
