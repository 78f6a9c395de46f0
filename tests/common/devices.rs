//! Stand-ins for devices: a serial receipt printer and a serial scanner on pseudo-terminal pairs,
//! reached through a symlink so a test can "unplug" one and plug a new one in at the same path.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serialport::{SerialPort, TTYPort};

/// A new pty pair: the master end for the test, and the path of the slave end, linked at `link`.
pub fn plug_in(link: &Path) -> TTYPort {
    let (master, slave) = TTYPort::pair().expect("a pty pair");
    let name = slave.name().expect("the slave has a name");
    // The device under test opens the port by path, exclusively: let go of our handle.
    drop(slave);
    let _ = std::fs::remove_file(link);
    std::os::unix::fs::symlink(&name, link).expect("symlink");
    master
}

/// Status bytes a printer answers `DLE EOT 1`, `2` and `4` with.
pub const READY: [u8; 3] = [0x12, 0x12, 0x12];
pub const PAPER_OUT: [u8; 3] = [0x12, 0x12, 0x72];

/// A serial receipt printer: keeps what it receives, answers status requests, and can be
/// unplugged after a number of bytes.
pub struct FakePrinter {
    pub received: Arc<Mutex<Vec<u8>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl FakePrinter {
    pub fn plug_in(link: &Path, status: [u8; 3], unplug_after: Option<usize>) -> FakePrinter {
        let mut master = plug_in(link);
        master.set_timeout(Duration::from_millis(10)).unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (got, stopping) = (received.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            let mut pending: Vec<u8> = Vec::new();
            while !stopping.load(Ordering::Relaxed) {
                match master.read(&mut buf) {
                    Ok(n) if n > 0 => {
                        let mut all = got.lock().unwrap();
                        let room = unplug_after.map_or(n, |limit| n.min(limit.saturating_sub(all.len())));
                        all.extend_from_slice(&buf[..room]);
                        if unplug_after.is_some_and(|limit| all.len() >= limit) {
                            return; // the cable is pulled: the master end closes
                        }
                        drop(all);
                        // Answer DLE EOT n, even when it arrives split across reads.
                        pending.extend_from_slice(&buf[..n]);
                        while let Some(at) = pending.windows(3).position(|w| w[0] == 0x10 && w[1] == 0x04) {
                            let reply = match pending[at + 2] {
                                1 => status[0],
                                2 => status[1],
                                _ => status[2],
                            };
                            master.write_all(&[reply]).unwrap();
                            pending.drain(..at + 3);
                        }
                        let keep = pending.len().min(2);
                        pending.drain(..pending.len() - keep);
                    }
                    // EIO while no one has the slave end open, timeouts while idle.
                    _ => std::thread::sleep(Duration::from_millis(2)),
                }
            }
        });
        FakePrinter { received, stop, thread: Some(thread) }
    }

    pub fn bytes(&self) -> Vec<u8> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until the printer has received a cut (the end of a paper).
    pub fn wait_for_cut(&self) -> Vec<u8> {
        let start = Instant::now();
        loop {
            let bytes = self.bytes();
            if nanum::hardware::decode::decode(&bytes)
                .is_ok_and(|e| e.iter().any(|e| matches!(e, nanum::hardware::decode::Event::Cut { .. })))
            {
                return bytes;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no cut arrived; got {} bytes", bytes.len());
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the printer has received `marker`; returns everything received.
    pub fn wait_for(&self, marker: &[u8]) -> Vec<u8> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let bytes = self.bytes();
            if bytes.windows(marker.len()).any(|w| w == marker) {
                return bytes;
            }
            assert!(Instant::now() < deadline, "the marker never arrived; got {} bytes", bytes.len());
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn unplug(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for FakePrinter {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
