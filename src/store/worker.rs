//! A thread of its own with its own connection to the store, doing the till's writes one after
//! another: signing in (argon2), committing a sale (an fsync), saving the cart. The screen asks
//! and gets a future back, so it never waits on a disk or a hash; the order of writes is the
//! order they were asked for.

use std::future::Future;
use std::sync::mpsc;

use futures::channel::oneshot;

use super::{Result, Store};

type Job = Box<dyn FnOnce(&mut Store) + Send>;

#[derive(Clone)]
pub struct Worker {
    jobs: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Worker")
    }
}

/// Why a job on the worker gave no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Stopped {
    /// The worker thread is gone; nothing more can be written through it.
    #[error("the store's writer has stopped")]
    Gone,
    /// This job panicked (a bug). Its transaction was rolled back as it unwound and the panic is
    /// logged; the worker goes on with the next job.
    #[error("a job on the store's writer failed")]
    Crashed,
}

/// The words of a caught panic, for the log.
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    }
}

impl Worker {
    /// Starts the thread on `store` (a connection of its own, see [`Store::reopen`]).
    pub fn start(store: Store) -> Result<Worker> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("store".into())
            .spawn(move || {
                let mut store = store;
                for job in queue {
                    job(&mut store);
                }
            })
            .map_err(|e| super::StoreError::file("cannot start the store's writer", e))?;
        Ok(Worker { jobs })
    }

    /// Runs `f` on the worker's connection, after everything asked before it.
    pub fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> T + Send + 'static,
    ) -> impl Future<Output = std::result::Result<T, Stopped>> + Send + 'static {
        let (done, result) = oneshot::channel();
        let sent = self.jobs.send(Box::new(move |store: &mut Store| {
            // A bug in one job must not take every later sale with it.
            let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(store))).map_err(|payload| {
                tracing::error!("a job on the store's writer panicked: {}", panic_text(payload.as_ref()));
                Stopped::Crashed
            });
            let _ = done.send(out);
        }));
        if sent.is_err() {
            tracing::error!("the store's writer has stopped");
        }
        async move { result.await.map_err(|_| Stopped::Gone)? }
    }

    /// [`Worker::run`] for work that can fail: a stopped worker is one more error.
    pub fn call<T, E>(
        &self,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E> + Send + 'static,
    ) -> impl Future<Output = std::result::Result<T, E>> + Send + 'static
    where
        T: Send + 'static,
        E: From<super::StoreError> + Send + 'static,
    {
        let run = self.run(f);
        async move { run.await.map_err(|stopped| E::from(stopped.into()))? }
    }
}
