//! The print queue: papers wait here while a thread of their own sends them to the printer, so
//! printing never holds up the counter and never undoes a sale. A job that fails (printer off,
//! paper out, cable pulled, no answer) stays in the queue with the reason, until someone prints
//! it again or sets it aside.

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use super::transport::{self, PrintError, PrinterSpec, PrinterStatus};

/// Printed jobs kept for the screen to show, besides the ones still waiting or failed.
const KEEP_PRINTED: usize = 10;

pub type JobId = u64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobState {
    Waiting,
    Printing,
    Printed,
    Failed(PrintError),
}

/// A job as the screen sees it (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobView {
    pub id: JobId,
    pub title: String,
    pub state: JobState,
    pub attempts: u32,
}

struct Job {
    view: JobView,
    bytes: Vec<u8>,
}

struct Inner {
    printer: Result<PrinterSpec, String>,
    jobs: VecDeque<Job>,
    next_id: JobId,
    last_status: Option<PrinterStatus>,
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
    /// problem each job then reports).
    pub fn start(printer: Result<PrinterSpec, String>) -> PrintQueue {
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner { printer, jobs: VecDeque::new(), next_id: 1, last_status: None, closed: false }),
            wake: Condvar::new(),
        });
        let worker = shared.clone();
        std::thread::Builder::new()
            .name("printer".into())
            .spawn(move || work(&worker))
            .expect("the printer thread starts");
        PrintQueue { shared }
    }

    pub fn submit(&self, title: impl Into<String>, bytes: Vec<u8>) -> JobId {
        let mut inner = self.shared.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        inner
            .jobs
            .push_back(Job { view: JobView { id, title: title.into(), state: JobState::Waiting, attempts: 0 }, bytes });
        self.shared.wake.notify_all();
        id
    }

    /// Queues a failed job again. Returns false if there is no such failed job.
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
        inner.jobs.retain(|j| !(j.view.id == id && matches!(j.view.state, JobState::Failed(_))));
    }

    pub fn set_printer(&self, printer: Result<PrinterSpec, String>) {
        let mut inner = self.shared.lock();
        inner.printer = printer;
        inner.last_status = None;
    }

    pub fn printer(&self) -> Result<PrinterSpec, String> {
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

    /// Waits until nothing is waiting or printing (for tests and the command line).
    pub fn wait_idle(&self, timeout: Duration) -> bool {
        let deadline = std::time::Instant::now() + timeout;
        let mut inner = self.shared.lock();
        loop {
            if !inner.jobs.iter().any(|j| matches!(j.view.state, JobState::Waiting | JobState::Printing)) {
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

fn work(shared: &Shared) {
    loop {
        let (id, bytes, printer) = {
            let mut inner = shared.lock();
            loop {
                if inner.closed {
                    return;
                }
                if let Some(job) = inner.jobs.iter_mut().find(|j| j.view.state == JobState::Waiting) {
                    job.view.state = JobState::Printing;
                    job.view.attempts += 1;
                    let found = (job.view.id, job.bytes.clone());
                    break (found.0, found.1, inner.printer.clone());
                }
                inner = shared.wake.wait(inner).unwrap_or_else(|p| p.into_inner());
            }
        };
        let result = match &printer {
            Ok(spec) => transport::print(spec, &bytes),
            Err(problem) => Err(PrintError::Unreachable { printer: String::new(), reason: problem.clone() }),
        };
        let mut inner = shared.lock();
        match &result {
            Ok(status) => inner.last_status = *status,
            Err(PrintError::NotReady { status, .. }) => inner.last_status = Some(*status),
            Err(_) => {}
        }
        if let Some(job) = inner.jobs.iter_mut().find(|j| j.view.id == id) {
            job.view.state = match result {
                Ok(_) => JobState::Printed,
                Err(e) => {
                    tracing::warn!(job = %job.view.title, "not printed: {e}");
                    JobState::Failed(e)
                }
            };
        }
        let printed = inner.jobs.iter().filter(|j| j.view.state == JobState::Printed).count();
        for _ in KEEP_PRINTED..printed {
            if let Some(pos) = inner.jobs.iter().position(|j| j.view.state == JobState::Printed) {
                inner.jobs.remove(pos);
            }
        }
        shared.wake.notify_all();
    }
}
