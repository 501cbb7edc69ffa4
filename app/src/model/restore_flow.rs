//! The restore, with its safety snapshot, as a state machine: from the user's confirm to the
//! restore sent (or not), whatever the list, the API, the user or a sign-out do meanwhile.

use snapshot_api::endpoints::SnapshotCreate;
use snapshot_api::{Description, Snapshot, SnapshotId, SnapshotName};

use super::flow::{late, Answer, Command, FlowId, Write};
use super::list::Model;
use super::notice::{Notice, Tone};
use super::outcome::{self, Change};
use super::safety::{Offer, Wait};
use crate::i18n::Message;
use crate::messages;

/// Where a restore dialog is.
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreStep {
    /// Asking the user to confirm; nothing sent.
    Confirming,
    /// The safety snapshot's create has been sent.
    SafetyCreating { name: SnapshotName, since: f64 },
    /// The safety snapshot exists; the restore waits until the list shows it completed.
    SafetyWaiting {
        id: SnapshotId,
        name: SnapshotName,
        since: f64,
    },
    /// The restore has been sent.
    Restoring,
    /// The snapshot is gone: there is nothing left to restore from.
    Gone,
}

/// What happens to a restore dialog.
// Made once and moved once: boxing the answer would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreEvent {
    /// The user confirmed; `safety` is whether they asked for a safety snapshot (the box was
    /// offered and is ticked). `stamp` and `description` are the safety snapshot's, made where
    /// the clock and the language are.
    Confirm {
        safety: bool,
        stamp: String,
        description: String,
    },
    /// A list read arrived.
    Listed,
    /// A write this flow sent has its answer.
    Answered(FlowId, Answer),
    /// Cancel, Escape, or the dialog closed any other way.
    Cancel,
    /// The user signed out (or the token was refused): everything stops, silently.
    SignedOut,
}

/// One opening of the restore dialog, for one snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoreFlow {
    id: FlowId,
    target: Snapshot,
    step: RestoreStep,
    /// Why the last attempt stopped, shown in the dialog.
    error: Option<Message>,
}

impl RestoreFlow {
    /// The dialog opened for `target`.
    pub fn open(id: FlowId, target: Snapshot) -> Self {
        Self {
            id,
            target,
            step: RestoreStep::Confirming,
            error: None,
        }
    }

    /// The snapshot to restore: the one the dialog opened for, whatever the list shows since.
    pub fn target(&self) -> &Snapshot {
        &self.target
    }

    /// Which opening of the dialog this is.
    pub fn id(&self) -> FlowId {
        self.id
    }

    pub fn step(&self) -> &RestoreStep {
        &self.step
    }

    /// Why the last attempt stopped.
    pub fn error(&self) -> Option<&Message> {
        self.error.as_ref()
    }

    /// Whether the user can confirm now.
    pub fn confirmable(&self) -> bool {
        matches!(self.step, RestoreStep::Confirming)
    }

    /// The safety snapshot being made and since when, while the restore waits on it.
    pub fn safety(&self) -> Option<(&SnapshotName, f64)> {
        match &self.step {
            RestoreStep::SafetyCreating { name, since }
            | RestoreStep::SafetyWaiting { name, since, .. } => Some((name, *since)),
            _ => None,
        }
    }

    /// Takes `event` for the dialog `flow` (`None` once closed), with the console's `model`
    /// at `now`; returns what to do next.
    pub fn update(
        flow: &mut Option<Self>,
        model: &Model,
        now: f64,
        event: RestoreEvent,
    ) -> Vec<Command> {
        match event {
            RestoreEvent::SignedOut => {
                *flow = None;
                Vec::new()
            }
            RestoreEvent::Cancel => flow.take().map_or_else(Vec::new, Self::cancelled),
            RestoreEvent::Answered(id, answer) => match flow {
                Some(f) if f.id == id => {
                    let (commands, done) = f.answered(model, answer);
                    if done {
                        *flow = None;
                    }
                    commands
                }
                _ => late(answer),
            },
            RestoreEvent::Confirm {
                safety,
                stamp,
                description,
            } => match flow {
                Some(f) if f.confirmable() => f.confirm(model, now, safety, &stamp, &description),
                _ => Vec::new(),
            },
            RestoreEvent::Listed => match flow {
                Some(f) => f.listed(model),
                None => Vec::new(),
            },
        }
    }

    fn confirm(
        &mut self,
        model: &Model,
        now: f64,
        safety: bool,
        stamp: &str,
        description: &str,
    ) -> Vec<Command> {
        if let Err(refusal) = model.check_restore(&self.target, now) {
            self.error = Some(messages::restore_refusal(&refusal));
            return Vec::new();
        }
        self.error = None;
        if safety {
            // Asked for and offered: a list that has filled the server since means no restore,
            // never a restore without the safety snapshot the user asked for.
            let why = match model.safety_offer(&self.target, now) {
                Offer::Free => None,
                Offer::Full(why) => Some(Some(why)),
                Offer::No => Some(None),
            };
            if let Some(why) = why {
                self.error = Some(messages::safety_refused(why));
                return Vec::new();
            }
            let name = SnapshotName::before_restore(&self.target.name, stamp);
            let request = SnapshotCreate::new(
                self.target.server.id,
                name.clone(),
                Description::parse(description).ok(),
            );
            self.step = RestoreStep::SafetyCreating { name, since: now };
            return vec![self.send(Write::Create(request))];
        }
        self.step = RestoreStep::Restoring;
        vec![self.send(Write::Restore(self.target.clone()))]
    }

    fn send(&self, write: Write) -> Command {
        Command::Send {
            flow: self.id,
            write,
        }
    }

    /// A list read may settle the wait: the restore goes once, for the snapshot confirmed.
    fn listed(&mut self, model: &Model) -> Vec<Command> {
        match &self.step {
            RestoreStep::SafetyWaiting { id, name, .. } => match model.safety_wait(*id, name) {
                Wait::Pending => Vec::new(),
                Wait::Restore => {
                    self.step = RestoreStep::Restoring;
                    vec![self.send(Write::Restore(self.target.clone()))]
                }
                Wait::Stop(why) => {
                    self.step = RestoreStep::Confirming;
                    self.error = Some(why);
                    Vec::new()
                }
            },
            RestoreStep::Confirming if model.list().listed().is_some() => {
                let listed = model
                    .list()
                    .snapshots()
                    .iter()
                    .any(|s| s.id == self.target.id);
                if !listed {
                    self.step = RestoreStep::Gone;
                    self.error = Some(messages::restore_gone());
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The answer to this dialog's own write, and whether the dialog is done.
    fn answered(&mut self, model: &Model, answer: Answer) -> (Vec<Command>, bool) {
        if answer.cancelled() {
            return (Vec::new(), true);
        }
        match (&self.step, answer) {
            (RestoreStep::SafetyCreating { name, since }, Answer::Created(server, result)) => {
                let (name, since) = (name.clone(), *since);
                let (mut outcome, created) = outcome::safety_create(result, server);
                let Some(id) = created else {
                    self.step = RestoreStep::Confirming;
                    self.error = outcome.errors.take_all();
                    return (vec![Command::Settle(outcome)], false);
                };
                self.step = RestoreStep::SafetyWaiting { id, name, since };
                let mut commands = vec![Command::Settle(outcome)];
                // A list read may have shown it already, before this answer came.
                if model.list().snapshots().iter().any(|s| s.id == id) {
                    commands.extend(self.listed(model));
                }
                (commands, false)
            }
            (RestoreStep::Restoring, answer @ Answer::Restored(..)) => {
                let mut outcome = answer.outcome();
                if !outcome.close {
                    self.error = outcome.errors.take_all();
                    self.step = if matches!(outcome.change, Change::Remove(id) if id == self.target.id)
                    {
                        RestoreStep::Gone
                    } else {
                        RestoreStep::Confirming
                    };
                }
                let done = outcome.close;
                (vec![Command::Settle(outcome)], done)
            }
            // An answer this step does not wait for (this dialog's requests go one at a
            // time, so none should come): told as a late one.
            (_, answer) => (late(answer), false),
        }
    }

    /// The dialog closed: what was sent cannot be called back, so the user hears what
    /// follows. Nothing that was not sent yet will be.
    fn cancelled(self) -> Vec<Command> {
        let text = match &self.step {
            RestoreStep::Confirming | RestoreStep::Gone => return Vec::new(),
            RestoreStep::SafetyCreating { name, .. } | RestoreStep::SafetyWaiting { name, .. } => {
                messages::safety_cancelled(name)
            }
            RestoreStep::Restoring => messages::restore_sent(&self.target),
        };
        vec![Command::Notify(Notice::new(Tone::Info, text))]
    }
}
