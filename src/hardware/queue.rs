//! The print queue: papers wait here while a thread of their own sends them to the printer, so
//! printing never holds up the counter and never undoes a sale. A job that fails (printer off,
//! paper out, cable pulled, no answer) stays in the queue with the reason, until someone prints
//! it again or sets it aside.
//!
//! The queue keeps its papers through a [`PaperLog`] (the store database), written from the
//! printer thread: a new paper is saved before the thread prints anything else, and every
//! outcome after. After a restart the till hands the kept papers back to [`PrintQueue::start`].

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::transport::{self, PrintError, PrinterSpec, PrinterStatus, SpecError};

/// Printed jobs kept for the screen to show, besides the ones still waiting or failed.
const KEEP_PRINTED: usize = 10;

pub type JobId = u64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobState {
    Waiting,
    Printing,
    Printed,
    Failed(PrintError),
}

/// Something to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub title: String,
    pub bytes: Vec<u8>,
    /// It kicks the cash drawer: printing it again needs a manager (the till decides).
    pub opens_drawer: bool,
    /// A printer of its own (a test print on settings not saved yet); `None`: the queue's.
    pub printer: Option<PrinterSpec>,
    /// The store document this is the receipt of: its printing settles the receipt owed.
    pub receipt_of: Option<i64>,
}

/// A job as the screen sees it (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobView {
    pub id: JobId,
    pub title: String,
    pub state: JobState,
    pub attempts: u32,
    pub opens_drawer: bool,
}

/// Where papers are kept so a restart loses none. Called on the printer thread.
pub trait PaperLog: Send {
    /// A new paper; returns the key it is kept under, or `None` if it could not be kept.
    fn added(&mut self, paper: &Paper) -> Option<i64>;
    fn changed(&mut self, key: i64, state: &JobState, attempts: u32);
    fn removed(&mut self, key: i64);
}

/// A paper kept from before a restart, with the key its log gave it.
#[derive(Debug, Clone)]
pub struct KeptPaper {
    pub key: i64,
    pub paper: Paper,
    pub state: JobState,
    pub attempts: u32,
}

struct Job {
    view: JobView,
    paper: Paper,
    /// The log's key; `None` until the printer thread has saved it (or if it could not).
    key: Option<i64>,
    logged: bool,
}

struct Inner {
    printer: Result<PrinterSpec, SpecError>,
    jobs: VecDeque<Job>,
    next_id: JobId,
    last_status: Option<PrinterStatus>,
    /// Keys of papers set aside, for the log.
    removed: Vec<i64>,
    /// An outcome is being written to the log.
    logging: bool,
    closed: bool,
}

struct Shared {
    inner: Mutex<Inner>,
    wake: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A handle on the queue; the sending thread stops when the handle is dropped.
pub struct PrintQueue {
    shared: Arc<Shared>,
}

impl PrintQueue {
    /// Starts the queue for `printer` (or for a printer setting that could not be read, whose
    /// problem each job then reports), keeping papers in `log`, with `kept` from before.
    pub fn start(
        printer: Result<PrinterSpec, SpecError>,
        log: Option<Box<dyn PaperLog>>,
        kept: Vec<KeptPaper>,
    ) -> PrintQueue {
        let mut jobs = VecDeque::new();
        let mut next_id = 1;
        for kept in kept {
            let view = JobView {
                id: next_id,
                title: kept.paper.title.clone(),
                state: kept.state,
                attempts: kept.attempts,
                opens_drawer: kept.paper.opens_drawer,
            };
            jobs.push_back(Job { view, paper: kept.paper, key: Some(kept.key), logged: true });
            next_id += 1;
        }
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner {
                printer,
                jobs,
                next_id,
                last_status: None,
                removed: Vec::new(),
                logging: false,
                closed: false,
            }),
            wake: Condvar::new(),
        });
        let worker = shared.clone();
        std::thread::Builder::new()
            .name("printer".into())
            .spawn(move || work(&worker, log))
            .expect("the printer thread starts");
        PrintQueue { shared }
    }

    pub fn submit(&self, paper: Paper) -> JobId {
        let mut inner = self.shared.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        let view = JobView {
            id,
            title: paper.title.clone(),
            state: JobState::Waiting,
            attempts: 0,
            opens_drawer: paper.opens_drawer,
        };
        inner.jobs.push_back(Job { view, paper, key: None, logged: false });
        self.shared.wake.notify_all();
        id
    }

    /// Queues a failed job again. Returns false if there is no such failed job. Whether a job
    /// that opens the drawer may be printed again is the till's decision, made before this.
    pub fn retry(&self, id: JobId) -> bool {
        let mut inner = self.shared.lock();
        let Some(job) = inner.jobs.iter_mut().find(|j| j.view.id == id && matches!(j.view.state, JobState::Failed(_)))
        else {
            return false;
        };
        job.view.state = JobState::Waiting;
        self.shared.wake.notify_all();
        true
    }

    /// Sets a failed job aside (its sale stays; a reprint can be made from the sale).
    pub fn dismiss(&self, id: JobId) {
        let mut inner = self.shared.lock();
        let Some(pos) = inner.jobs.iter().position(|j| j.view.id == id && matches!(j.view.state, JobState::Failed(_)))
        else {
            return;
        };
        if let Some(key) = inner.jobs.remove(pos).and_then(|j| j.key) {
            inner.removed.push(key);
        }
        self.shared.wake.notify_all();
    }

    pub fn set_printer(&self, printer: Result<PrinterSpec, SpecError>) {
        let mut inner = self.shared.lock();
        inner.printer = printer;
        inner.last_status = None;
    }

    pub fn printer(&self) -> Result<PrinterSpec, SpecError> {
        self.shared.lock().printer.clone()
    }

    pub fn jobs(&self) -> Vec<JobView> {
        self.shared.lock().jobs.iter().map(|j| j.view.clone()).collect()
    }

    pub fn job(&self, id: JobId) -> Option<JobView> {
        self.shared.lock().jobs.iter().find(|j| j.view.id == id).map(|j| j.view.clone())
    }

    pub fn last_status(&self) -> Option<PrinterStatus> {
        self.shared.lock().last_status
    }

    /// Waits until nothing is waiting or printing and the log is written (for tests and the
    /// command line).
    pub fn wait_idle(&self, timeout: Duration) -> bool {
        let deadline = std::time::Instant::now() + timeout;
        let mut inner = self.shared.lock();
        loop {
            let busy =
                inner.jobs.iter().any(|j| !j.logged || matches!(j.view.state, JobState::Waiting | JobState::Printing))
                    || !inner.removed.is_empty()
                    || inner.logging;
            if !busy {
                return true;
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return false;
            }
            inner = self.shared.wake.wait_timeout(inner, left).unwrap_or_else(|p| p.into_inner()).0;
        }
    }
}

impl Drop for PrintQueue {
    fn drop(&mut self) {
        self.shared.lock().closed = true;
        self.shared.wake.notify_all();
    }
}

/// Saves new papers and forgets set-aside ones, outside the lock.
fn keep_log(shared: &Shared, log: &mut Option<Box<dyn PaperLog>>) {
    let (new, removed): (Vec<(JobId, Paper)>, Vec<i64>) = {
        let mut inner = shared.lock();
        let new = inner.jobs.iter().filter(|j| !j.logged).map(|j| (j.view.id, j.paper.clone())).collect();
        (new, std::mem::take(&mut inner.removed))
    };
    if new.is_empty() && removed.is_empty() {
        return;
    }
    let mut keys = Vec::new();
    for (id, paper) in new {
        keys.push((id, log.as_mut().and_then(|log| log.added(&paper))));
    }
    if let Some(log) = log.as_mut() {
        for key in removed {
            log.removed(key);
        }
    }
    let mut inner = shared.lock();
    for (id, key) in keys {
        match inner.jobs.iter_mut().find(|j| j.view.id == id) {
            Some(job) => {
                job.key = key;
                job.logged = true;
            }
            // Set aside before it was even saved.
            None => inner.removed.extend(key),
        }
    }
    shared.wake.notify_all();
}

fn work(shared: &Shared, mut log: Option<Box<dyn PaperLog>>) {
    loop {
        keep_log(shared, &mut log);
        // The next job to print, or `None` when there is something to log first.
        let next = {
            let mut inner = shared.lock();
            loop {
                if inner.closed {
                    return;
                }
                if inner.jobs.iter().any(|j| !j.logged) || !inner.removed.is_empty() {
                    break None;
                }
                let default = inner.printer.clone();
                if let Some(job) = inner.jobs.iter_mut().find(|j| j.view.state == JobState::Waiting) {
                    job.view.state = JobState::Printing;
                    job.view.attempts += 1;
                    let printer = job.paper.printer.clone().map(Ok).unwrap_or(default);
                    break Some((job.view.id, job.paper.bytes.clone(), printer));
                }
                inner = shared.wake.wait(inner).unwrap_or_else(|p| p.into_inner());
            }
        };
        let Some((id, bytes, printer)) = next else { continue };
        let result = match &printer {
            Ok(spec) => transport::print(spec, &bytes),
            Err(problem) => Err(PrintError::Spec(problem.clone())),
        };
        let mut inner = shared.lock();
        match &result {
            Ok(status) => inner.last_status = *status,
            Err(PrintError::NotReady { status, .. }) => inner.last_status = Some(*status),
            Err(_) => {}
        }
        let mut changed = None;
        if let Some(job) = inner.jobs.iter_mut().find(|j| j.view.id == id) {
            job.view.state = match result {
                Ok(_) => JobState::Printed,
                Err(e) => {
                    tracing::warn!(job = %job.view.title, "not printed: {e}");
                    JobState::Failed(e)
                }
            };
            changed = job.key.map(|key| (key, job.view.state.clone(), job.view.attempts));
        }
        inner.logging = changed.is_some() && log.is_some();
        let printed = inner.jobs.iter().filter(|j| j.view.state == JobState::Printed).count();
        for _ in KEEP_PRINTED..printed {
            if let Some(pos) = inner.jobs.iter().position(|j| j.view.state == JobState::Printed) {
                inner.jobs.remove(pos);
            }
        }
        drop(inner);
        if let (Some(log), Some((key, state, attempts))) = (log.as_mut(), changed) {
            log.changed(key, &state, attempts);
        }
        shared.lock().logging = false;
        shared.wake.notify_all();
    }
}
