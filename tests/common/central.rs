//! `nanum-central` as a real process on a throwaway PostgreSQL, a fault-making proxy in front
//! of it, and the checks every sync scenario ends with.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub use super::pg::{Pg, free_port};

pub const CENTRAL: &str = env!("CARGO_BIN_EXE_nanum-central");
pub const NANUM: &str = env!("CARGO_BIN_EXE_nanum");

/// Runs a `nanum-central` admin command against `db_url`.
pub fn central_cli(db_url: &str, args: &[&str]) -> Output {
    Command::new(CENTRAL).arg("--database-url").arg(db_url).args(args).env("RUST_LOG", "warn").output().unwrap()
}

pub fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Adds a store and returns its token.
pub fn add_store(db_url: &str, code: u16, name: &str) -> String {
    stdout(&central_cli(db_url, &["store", "add", &code.to_string(), name])).trim().to_string()
}

pub struct Central {
    child: Option<Child>,
    pub db_url: String,
    pub port: u16,
    options: Vec<String>,
}

impl Central {
    pub fn start(db_url: &str) -> Central {
        Central::start_with(db_url, &[])
    }

    /// Started with more `serve` options (e.g. `--proxy 127.0.0.1`).
    pub fn start_with(db_url: &str, options: &[&str]) -> Central {
        let options = options.iter().map(|o| o.to_string()).collect();
        let mut c = Central { child: None, db_url: db_url.to_string(), port: free_port(), options };
        c.spawn();
        c
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The most memory the server has held so far (VmHWM), in MiB.
    pub fn peak_mib(&self) -> u64 {
        let pid = self.child.as_ref().expect("running").id();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM in /proc/PID/status");
        kib / 1024
    }

    fn spawn(&mut self) {
        let child = Command::new(CENTRAL)
            .args(["--database-url", &self.db_url, "serve", "--listen", &format!("127.0.0.1:{}", self.port)])
            .args(&self.options)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(mut s) = TcpStream::connect(("127.0.0.1", self.port)) {
                let _ = s.write_all(b"GET /health HTTP/1.0\r\n\r\n");
                let mut answer = String::new();
                let _ = s.read_to_string(&mut answer);
                if answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200") {
                    return;
                }
            }
            thread::sleep(Duration::from_millis(50));
        }
        panic!("nanum-central did not come up on port {}", self.port);
    }

    /// Kills the server at once (no graceful shutdown) and starts it again on the same port.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn restart(&mut self) {
        self.kill();
        self.spawn();
    }
}

impl Drop for Central {
    fn drop(&mut self) {
        self.kill();
    }
}

/// What the proxy does to one upload (`POST /api/v1/journal`).
#[derive(Debug)]
pub enum Fault {
    /// Closes the connection before anything reaches head office.
    CutBefore,
    /// Lets half of the request through, then closes both sides.
    CutMidway,
    /// Lets the request through and head office answer, then closes before the till reads it.
    CutAfterCommit,
    /// Holds the request this long before passing it on.
    Delay(Duration),
    /// Says on `arrived` that the upload has reached the proxy, then holds it until `go`: the
    /// test acts on head office while a batch is on its way, for certain.
    Hold { arrived: std::sync::mpsc::Sender<()>, go: std::sync::mpsc::Receiver<()> },
}

/// A TCP proxy on loopback in front of head office that applies the next queued fault to each
/// upload; everything else passes untouched.
pub struct Proxy {
    pub port: u16,
    faults: Arc<Mutex<VecDeque<Fault>>>,
    stop: Arc<AtomicBool>,
}

impl Proxy {
    pub fn start(upstream: u16, faults: Vec<Fault>) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let faults = Arc::new(Mutex::new(VecDeque::from(faults)));
        let stop = Arc::new(AtomicBool::new(false));
        let (f, s) = (faults.clone(), stop.clone());
        thread::spawn(move || {
            for client in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                let faults = f.clone();
                thread::spawn(move || pipe(client, upstream, faults));
            }
        });
        Proxy { port, faults, stop }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn faults_left(&self) -> usize {
        self.faults.lock().unwrap().len()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn pipe(client: TcpStream, upstream: u16, faults: Arc<Mutex<VecDeque<Fault>>>) {
    let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else { return };
    let swallow = Arc::new(AtomicBool::new(false));
    let (mut c_read, mut s_write) = (client.try_clone().unwrap(), server.try_clone().unwrap());
    let (mut s_read, mut c_write) = (server, client);
    let swallow_back = swallow.clone();
    let back = thread::spawn(move || {
        let mut buf = [0u8; 16 * 1024];
        loop {
            match s_read.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if swallow_back.load(Ordering::SeqCst) {
                        // Head office has answered (so it committed); the till never hears it.
                        let _ = c_write.shutdown(Shutdown::Both);
                        let _ = s_read.shutdown(Shutdown::Both);
                        break;
                    }
                    if c_write.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = c_write.shutdown(Shutdown::Both);
    });
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match c_read.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let fault =
            if buf[..n].starts_with(b"POST /api/v1/journal") { faults.lock().unwrap().pop_front() } else { None };
        match fault {
            Some(Fault::CutBefore) => {
                let _ = c_read.shutdown(Shutdown::Both);
                let _ = s_write.shutdown(Shutdown::Both);
                break;
            }
            Some(Fault::CutMidway) => {
                let _ = s_write.write_all(&buf[..n / 2]);
                let _ = c_read.shutdown(Shutdown::Both);
                let _ = s_write.shutdown(Shutdown::Both);
                break;
            }
            Some(Fault::CutAfterCommit) => swallow.store(true, Ordering::SeqCst),
            Some(Fault::Delay(d)) => thread::sleep(d),
            Some(Fault::Hold { arrived, go }) => {
                let _ = arrived.send(());
                let _ = go.recv();
            }
            None => {}
        }
        if s_write.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = s_write.shutdown(Shutdown::Write);
    let _ = back.join();
}

/// Every event of the store's journal, as `seq:hash` lines.
pub fn local_chain(store_path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(store_path).unwrap();
    let mut stmt = conn.prepare("SELECT seq || ':' || lower(hex(hash)) FROM journal ORDER BY seq").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

/// What head office holds for store `code`, as `seq:hash` lines, every row once.
pub fn central_chain(pg: &Pg, db: &str, code: u16) -> Vec<String> {
    let rows = pg.sql(
        db,
        &format!(
            "SELECT j.seq || ':' || j.hash FROM journal j JOIN stores s ON s.id = j.store_id WHERE s.code = {code} ORDER BY j.seq"
        ),
    );
    rows.lines().map(str::to_string).collect()
}

/// The store's own `nanum report daily` CSV for `date`.
pub fn store_daily_csv(store_path: &Path, date: &str) -> String {
    let out = Command::new(NANUM)
        .args(["--db", &store_path.display().to_string(), "report", "daily", "--date", date, "--format", "csv"])
        .env("NANUM_HOME", store_path.parent().unwrap())
        .output()
        .unwrap();
    stdout(&out)
}

pub fn central_daily_csv(db_url: &str, code: u16, date: &str) -> String {
    stdout(&central_cli(db_url, &["report", "daily", "--store", &code.to_string(), "--date", date, "--format", "csv"]))
}
