//! The till's side of sync: upload the journal after what head office acknowledged, in
//! batches, then download reference data. It asks head office where it stands first, so a batch
//! whose answer was lost is not sent as new, and a sync cut anywhere resumes where it stopped.
//! Network trouble is retried with a growing pause; a refusal (wrong token, a journal that does
//! not agree with head office's) stops at once with the reason.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use super::protocol::{
    ACK_PATH, Ack, ApiError, Batch, JOURNAL_PATH, REFERENCE_PATH, Reference, STORE_PATH, StoreIdentity,
};
use crate::store::{StaffNews, Store, StoreError, journal};

#[derive(Debug, Clone)]
pub struct Settings {
    /// Head office's address, e.g. `http://central.example:8080`.
    pub central: String,
    pub token: String,
    pub batch_size: u32,
    /// How many times network trouble is retried before giving up, and the first pause (it
    /// doubles each time).
    pub retries: u32,
    pub first_pause: Duration,
    /// How long one request may take.
    pub timeout: Duration,
}

impl Settings {
    pub fn new(central: &str, token: &str) -> Settings {
        Settings {
            central: central.trim_end_matches('/').to_string(),
            token: token.trim().to_string(),
            batch_size: 1000,
            retries: 5,
            first_pause: Duration::from_millis(500),
            timeout: Duration::from_secs(30),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// `sent` of `total` events are at head office.
    Uploading {
        sent: i64,
        total: i64,
    },
    /// Trouble reaching head office; trying again after a pause.
    Retrying {
        attempt: u32,
        reason: String,
    },
    Reference,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Events head office took in since this file last heard from it.
    pub uploaded: i64,
    pub acked_seq: i64,
    /// The reference version applied this time, if a newer one came.
    pub reference_applied: Option<i64>,
    /// What head office changed about the store's people (its word wins), to be told.
    pub staff_news: Vec<StaffNews>,
}

/// What kind of network trouble stopped a request, to be said in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Nothing answers at that address (the service is down, or the wrong port).
    Refused,
    /// It answered too slowly, or not at all.
    TimedOut,
    /// The name does not resolve (no network, or a wrong address).
    NoSuchHost,
    /// The connection broke off half-way.
    Cut,
    /// The secure connection (HTTPS) could not be made.
    Tls,
    Other,
}

impl Trouble {
    fn of(e: &ureq::Error) -> Trouble {
        use std::io::ErrorKind;
        match e {
            ureq::Error::Timeout(_) => Trouble::TimedOut,
            ureq::Error::HostNotFound => Trouble::NoSuchHost,
            ureq::Error::ConnectionFailed => Trouble::Refused,
            ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::TlsRequired => Trouble::Tls,
            ureq::Error::Io(io) => match io.kind() {
                ErrorKind::ConnectionRefused => Trouble::Refused,
                ErrorKind::TimedOut | ErrorKind::WouldBlock => Trouble::TimedOut,
                ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted
                | ErrorKind::BrokenPipe
                | ErrorKind::UnexpectedEof => Trouble::Cut,
                _ => Trouble::Other,
            },
            ureq::Error::Protocol(_) | ureq::Error::BodyStalled => Trouble::Cut,
            _ => Trouble::Other,
        }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SyncError {
    #[error("cannot reach head office at {central}: {reason}")]
    Unreachable { central: String, trouble: Trouble, reason: String },
    #[error("head office refused this store's token")]
    Unauthorized,
    #[error("head office refused the upload: {message}")]
    Refused { status: u16, error: String, message: String },
    #[error(
        "head office holds {theirs} events for this store, but this file has {ours}: it may be an older copy of the store database"
    )]
    Behind { theirs: i64, ours: i64 },
    #[error("head office holds a different event {seq} than this file: it may be a replaced or changed store database")]
    Diverged { seq: i64 },
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl SyncError {
    fn retryable(&self) -> bool {
        match self {
            SyncError::Unreachable { .. } => true,
            SyncError::Refused { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

pub struct Client {
    agent: ureq::Agent,
    settings: Settings,
}

impl Client {
    pub fn new(settings: Settings) -> Client {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .http_status_as_error(false)
            .build()
            .into();
        Client { agent, settings }
    }

    fn unreachable(&self, e: &ureq::Error) -> SyncError {
        SyncError::Unreachable {
            central: self.settings.central.clone(),
            trouble: Trouble::of(e),
            reason: e.to_string(),
        }
    }

    /// An answer that ended before it was whole, or was not what head office sends.
    fn broken_answer(&self, what: impl std::fmt::Display) -> SyncError {
        SyncError::Unreachable {
            central: self.settings.central.clone(),
            trouble: Trouble::Cut,
            reason: what.to_string(),
        }
    }

    fn answer<T: serde::de::DeserializeOwned>(
        &self,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<Option<T>, SyncError> {
        let mut response = response.map_err(|e| self.unreachable(&e))?;
        let status = response.status().as_u16();
        if status == 204 {
            return Ok(None);
        }
        if status == 401 {
            return Err(SyncError::Unauthorized);
        }
        if !(200..300).contains(&status) {
            let text = response.body_mut().read_to_string().unwrap_or_default();
            let (error, message) = match serde_json::from_str::<ApiError>(&text) {
                Ok(e) => (e.error, e.message),
                Err(_) => ("http".into(), format!("HTTP {status}: {}", text.trim())),
            };
            return Err(SyncError::Refused { status, error, message });
        }
        // A body cut off half-way is network trouble like any other.
        response.body_mut().read_json().map(Some).map_err(|e| self.broken_answer(e))
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.settings.central)
    }

    fn bearer(&self) -> String {
        format!("Bearer {}", self.settings.token)
    }

    pub fn ack(&self) -> Result<Ack, SyncError> {
        let response = self.agent.get(self.url(ACK_PATH)).header("Authorization", self.bearer()).call();
        self.answer(response)?.ok_or_else(|| self.broken_answer("an empty answer"))
    }

    pub fn send(&self, batch: &Batch) -> Result<Ack, SyncError> {
        let response = self.agent.post(self.url(JOURNAL_PATH)).header("Authorization", self.bearer()).send_json(batch);
        self.answer(response)?.ok_or_else(|| self.broken_answer("an empty answer"))
    }

    /// Sends batch after batch with two in flight: the next is read and sent while head office
    /// writes the one before (it takes a store's batches in turn, a later one waiting for the
    /// one it follows). `next(state, after)` gives the batch after event `after`, or `None` when
    /// all is sent; `acked(state, ack)` hears each answer, in order. Returns the last answer's
    /// `seq` (`from` if nothing was sent). On an error the batch still in flight is waited for
    /// and its answer dropped: the next pass starts from what head office says it holds.
    pub fn send_in_turn<S>(
        &self,
        state: &mut S,
        from: i64,
        mut next: impl FnMut(&S, i64) -> Result<Option<Batch>, SyncError>,
        mut acked: impl FnMut(&mut S, &Ack) -> Result<(), SyncError>,
    ) -> Result<i64, SyncError> {
        const IN_FLIGHT: usize = 2;
        std::thread::scope(|scope| {
            let mut in_flight = std::collections::VecDeque::with_capacity(IN_FLIGHT);
            let (mut sent_up_to, mut last_ack) = (from, from);
            loop {
                if in_flight.len() < IN_FLIGHT
                    && let Some(batch) = next(state, sent_up_to)?
                {
                    sent_up_to = batch.events.last().map_or(sent_up_to, |e| e.seq);
                    in_flight.push_back(scope.spawn(move || self.send(&batch)));
                    continue;
                }
                let Some(oldest) = in_flight.pop_front() else { return Ok(last_ack) };
                let ack = oldest.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                acked(state, &ack)?;
                // Head office may hold more than was sent (another sync of this store at once).
                sent_up_to = sent_up_to.max(ack.seq);
                last_ack = ack.seq;
            }
        })
    }

    /// The store this till's token belongs to.
    pub fn store(&self) -> Result<StoreIdentity, SyncError> {
        let response = self.agent.get(self.url(STORE_PATH)).header("Authorization", self.bearer()).call();
        self.answer(response)?.ok_or_else(|| self.broken_answer("an empty answer"))
    }

    pub fn reference(&self, have: i64) -> Result<Option<Reference>, SyncError> {
        let response = self
            .agent
            .get(format!("{}?have={have}", self.url(REFERENCE_PATH)))
            .header("Authorization", self.bearer())
            .call();
        self.answer(response)
    }

    /// Uploads everything head office lacks, then applies newer reference data. `progress` hears
    /// how it goes; `now` is the till's clock for the records it writes.
    pub fn sync(
        &self,
        store: &mut Store,
        now: impl Fn() -> DateTime<FixedOffset>,
        mut progress: impl FnMut(Progress),
    ) -> Result<Summary, SyncError> {
        // What reached head office this time: how far its acknowledgement moved.
        let before = store.sync_status()?.acked_seq;
        let mut attempt = 0;
        let acked_seq =
            self.retrying(&mut attempt, &mut progress, |attempt, progress| self.upload(store, attempt, progress))?;
        progress(Progress::Reference);
        let have = store.sync_status()?.reference_version;
        let reference = self.retrying(&mut attempt, &mut progress, |_, _| self.reference(have))?;
        let (reference_applied, staff_news) = match reference {
            Some(r) if r.version > have => (Some(r.version), store.apply_reference(&r, now())?),
            _ => (None, Vec::new()),
        };
        // Applying it is journaled: that record goes up too, so a sync leaves nothing waiting.
        let acked_seq = match reference_applied {
            Some(_) => {
                self.retrying(&mut attempt, &mut progress, |attempt, progress| self.upload(store, attempt, progress))?
            }
            None => acked_seq,
        };
        store.record_good_sync(now())?;
        Ok(Summary { uploaded: (acked_seq - before).max(0), acked_seq, reference_applied, staff_news })
    }

    /// Whether to try again after `e` (network trouble, head office briefly unavailable, tries
    /// left): if so, says so and pauses, each pause twice the one before.
    fn pause_before_retry(&self, e: &SyncError, attempt: &mut u32, progress: &mut impl FnMut(Progress)) -> bool {
        if !e.retryable() || *attempt >= self.settings.retries {
            return false;
        }
        *attempt += 1;
        progress(Progress::Retrying { attempt: *attempt, reason: e.to_string() });
        std::thread::sleep(self.settings.first_pause * 2u32.saturating_pow(*attempt - 1));
        true
    }

    /// `step` until it succeeds, or fails in a way not worth retrying, or the tries run out.
    fn retrying<T, P: FnMut(Progress)>(
        &self,
        attempt: &mut u32,
        progress: &mut P,
        mut step: impl FnMut(&mut u32, &mut P) -> Result<T, SyncError>,
    ) -> Result<T, SyncError> {
        loop {
            match step(attempt, progress) {
                Ok(done) => return Ok(done),
                Err(e) if self.pause_before_retry(&e, attempt, progress) => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// One pass: where head office stands, then batch after batch until it holds everything.
    fn upload(
        &self,
        store: &mut Store,
        attempt: &mut u32,
        progress: &mut impl FnMut(Progress),
    ) -> Result<i64, SyncError> {
        let theirs = self.ack()?;
        let (ours, _) = journal::last(store.reader())?;
        if theirs.seq > ours {
            return Err(SyncError::Behind { theirs: theirs.seq, ours });
        }
        if theirs.seq > 0 && journal::hash_of(store.reader(), theirs.seq)?.as_deref() != Some(theirs.hash.as_str()) {
            return Err(SyncError::Diverged { seq: theirs.seq });
        }
        store.record_ack(theirs.seq, &theirs.hash)?;
        let mut acked = theirs.seq;
        let total =
            |store: &Store, acked: i64| -> Result<i64, SyncError> { Ok(journal::last(store.reader())?.0 - acked) };
        let mut left = total(store, acked)?;
        let mut sent = 0;
        progress(Progress::Uploading { sent, total: left });
        let batch_size = self.settings.batch_size;
        self.send_in_turn(
            store,
            acked,
            |store, after| {
                let events = store.events_after(after, batch_size)?;
                Ok((!events.is_empty()).then_some(Batch { events }))
            },
            |store, ack| {
                store.record_ack(ack.seq, &ack.hash)?;
                sent += (ack.seq - acked).max(0);
                acked = acked.max(ack.seq);
                *attempt = 0;
                // The till may have sold meanwhile: the total grows with it.
                left = left.max(sent + total(store, acked)?);
                progress(Progress::Uploading { sent, total: left });
                Ok(())
            },
        )
    }
}
