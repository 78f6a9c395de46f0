//! A throwaway PostgreSQL for tests and benchmarks: `initdb` into a temporary folder, started
//! with `pg_ctl` on a free local port, stopped (immediately) when dropped. initdb refuses to run
//! as root, so as root (CI) the server runs as the `postgres` system user (or `nobody`).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Pg {
    dir: tempfile::TempDir,
    bin: PathBuf,
    run_as: Option<String>,
    /// Tests run without fsync (nothing here survives a power cut anyway); benchmarks with it.
    durable: bool,
    pub port: u16,
}

/// Where the PostgreSQL programs are: Debian's versioned folder (newest), or on PATH.
fn bin_dir() -> PathBuf {
    let complete = |d: &Path| ["initdb", "pg_ctl", "createdb", "psql"].iter().all(|p| d.join(p).is_file());
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dirs| dirs.flatten().map(|d| d.path().join("bin")).filter(|b| complete(b)).collect())
        .unwrap_or_default();
    found.sort();
    if let Some(dir) = found.pop() {
        return dir;
    }
    let path = std::env::var("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .find(|d| complete(d))
        .expect("PostgreSQL is not installed: scripts/test installs it (apt-get install postgresql)")
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false)
}

fn user_exists(name: &str) -> bool {
    Command::new("id").arg("-u").arg(name).output().map(|o| o.status.success()).unwrap_or(false)
}

impl Pg {
    pub fn start() -> Pg {
        Pg::start_with(false)
    }

    /// A server that syncs to disk as a real one does, for benchmarks.
    pub fn start_durable() -> Pg {
        Pg::start_with(true)
    }

    fn start_with(durable: bool) -> Pg {
        let bin = bin_dir();
        let run_as = is_root().then(|| if user_exists("postgres") { "postgres" } else { "nobody" }.to_string());
        let dir = tempfile::Builder::new().prefix("nanum-pg").tempdir().unwrap();
        if let Some(user) = &run_as {
            let status = Command::new("chown").arg("-R").arg(user).arg(dir.path()).status().unwrap();
            assert!(status.success(), "cannot hand {} to {user}", dir.path().display());
        }
        let pg = Pg { dir, bin, run_as, durable, port: free_port() };
        pg.run("initdb", &["-D", &pg.data(), "-U", "nanum", "--auth=trust", "-N", "-E", "UTF8", "--locale=C"]);
        pg.start_server();
        pg
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.arg("-u").arg(user).arg("--").arg(path);
                c
            }
            None => Command::new(path),
        }
    }

    fn run(&self, program: &str, args: &[&str]) {
        let out = self.command(program).args(args).current_dir(self.dir.path()).output().unwrap();
        assert!(
            out.status.success(),
            "{program} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn start_server(&self) {
        let mut options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300",
            self.port,
            self.dir.path().display()
        );
        if !self.durable {
            options.push_str(" -c fsync=off -c full_page_writes=off");
        }
        let log = self.dir.path().join("server.log").display().to_string();
        self.run("pg_ctl", &["-D", &self.data(), "-o", &options, "-l", &log, "-w", "-t", "60", "start"]);
    }

    /// Stops the server at once, as a crash would, and starts it again on the same port.
    pub fn restart(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "immediate", "-w", "stop"]);
        self.start_server();
    }

    /// A new empty database, and its URL.
    pub fn database(&self, name: &str) -> String {
        self.run("createdb", &["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "nanum", name]);
        self.url(name)
    }

    pub fn url(&self, name: &str) -> String {
        format!("host=127.0.0.1 port={} user=nanum dbname={name}", self.port)
    }

    /// Runs SQL with psql and returns what it printed (unaligned, tuples only).
    pub fn sql(&self, db: &str, sql: &str) -> String {
        let out = self
            .command("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                "nanum",
                "-d",
                db,
                "-XAtq",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "psql: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        let _ = self.command("pg_ctl").args(["-D", &self.data(), "-m", "immediate", "-w", "stop"]).output();
    }
}
