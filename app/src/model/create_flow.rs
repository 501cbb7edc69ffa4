//! The create, with "delete one first to make room" at the limit, as a state machine. The
//! snapshot the user confirmed to delete is the one sent, or nothing is.

use snapshot_api::endpoints::{Field, SnapshotCreate};
use snapshot_api::Snapshot;

use super::flow::{late, Answer, Command, FlowId, Write};
use super::list::Model;
use super::notice::{Notice, Tone};
use super::outcome::FieldErrors;
use crate::messages;

/// Where a create dialog is.
#[derive(Clone, Debug, PartialEq)]
pub enum CreateStep {
    /// The user is filling the form; nothing sent.
    Editing,
    /// Making room: the delete has been sent, and `request` goes once the API confirms it.
    Deleting {
        victim: Snapshot,
        request: SnapshotCreate,
    },
    /// The create has been sent.
    Creating(SnapshotCreate),
}

/// What happens to a create dialog.
// Made once and moved once: boxing the answer would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum CreateEvent {
    /// The make-room box ticked, with the snapshot its label named, or unticked (`None`).
    MakeRoom(Option<Snapshot>),
    /// The user changed a field: the API's word on it is stale. A new server also clears
    /// the make-room choice, which was for the old one.
    Edited(Field),
    /// The user submitted the form: the request it makes, or why it makes none.
    Submit(Result<SnapshotCreate, FieldErrors>),
    /// A list read arrived.
    Listed,
    /// A write this flow sent has its answer.
    Answered(FlowId, Answer),
    /// Cancel, Escape, or the dialog closed any other way.
    Cancel,
    /// The user signed out (or the token was refused): everything stops, silently.
    SignedOut,
}

/// One opening of the create dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateFlow {
    id: FlowId,
    step: CreateStep,
    /// The snapshot the user chose to delete to make room, as the box's label named it.
    room: Option<Snapshot>,
    errors: FieldErrors,
}

impl CreateFlow {
    pub fn open(id: FlowId) -> Self {
        Self {
            id,
            step: CreateStep::Editing,
            room: None,
            errors: FieldErrors::default(),
        }
    }

    /// Which opening of the dialog this is.
    pub fn id(&self) -> FlowId {
        self.id
    }

    pub fn step(&self) -> &CreateStep {
        &self.step
    }

    /// What the dialog shows about the last submit, per field.
    pub fn errors(&self) -> &FieldErrors {
        &self.errors
    }

    /// The snapshot the user chose to delete first, if they did.
    pub fn room(&self) -> Option<&Snapshot> {
        self.room.as_ref()
    }

    /// Whether a write is on its way.
    pub fn sending(&self) -> bool {
        !matches!(self.step, CreateStep::Editing)
    }

    /// Takes `event` for the dialog `flow` (`None` once closed), with the console's `model`
    /// at `now`; returns what to do next.
    pub fn update(
        flow: &mut Option<Self>,
        model: &Model,
        now: f64,
        event: CreateEvent,
    ) -> Vec<Command> {
        let Some(f) = flow else {
            return match event {
                CreateEvent::Answered(_, answer) => late(answer),
                _ => Vec::new(),
            };
        };
        match event {
            CreateEvent::SignedOut => {
                *flow = None;
                Vec::new()
            }
            CreateEvent::Cancel => {
                let commands = f.cancelled();
                *flow = None;
                commands
            }
            CreateEvent::Answered(id, answer) if id == f.id => {
                let (commands, done) = f.answered(answer);
                if done {
                    *flow = None;
                }
                commands
            }
            CreateEvent::Answered(_, answer) => late(answer),
            CreateEvent::MakeRoom(choice) => {
                if !f.sending() {
                    f.room = choice;
                    f.errors.form = None;
                }
                Vec::new()
            }
            CreateEvent::Edited(field) => {
                match field {
                    Field::ServerId => {
                        f.errors.server = None;
                        f.room = None;
                    }
                    Field::Name => f.errors.name = None,
                    Field::Description => f.errors.description = None,
                }
                Vec::new()
            }
            CreateEvent::Listed => {
                if !f.sending() {
                    f.check_room(model, now);
                }
                Vec::new()
            }
            CreateEvent::Submit(request) if !f.sending() => f.submit(model, now, request),
            CreateEvent::Submit(_) => Vec::new(),
        }
    }

    /// Keeps the make-room choice only while it names the snapshot the rule would delete
    /// now; else the box clears and the dialog says why. Returns whether it was kept.
    fn check_room(&mut self, model: &Model, now: f64) -> bool {
        let Some(victim) = &self.room else {
            return true;
        };
        let candidate = model.room_for(victim.server.id, now, None);
        if candidate.map(|c| c.id) == Some(victim.id) {
            return true;
        }
        self.errors.form = Some(messages::room_changed(victim));
        self.room = None;
        false
    }

    fn submit(
        &mut self,
        model: &Model,
        now: f64,
        request: Result<SnapshotCreate, FieldErrors>,
    ) -> Vec<Command> {
        let request = match request {
            Ok(request) => request,
            Err(errors) => {
                self.errors = errors;
                return Vec::new();
            }
        };
        self.errors = FieldErrors::default();
        if !self.check_room(model, now) {
            return Vec::new();
        }
        if let Some(victim) = self.room.take() {
            let write = Write::Delete(victim.clone());
            self.step = CreateStep::Deleting { victim, request };
            return vec![self.send(write)];
        }
        if let Err(refusal) = model.check_create(request.body.server_id, now) {
            self.errors.server = Some(messages::create_refusal(&refusal));
            return Vec::new();
        }
        self.step = CreateStep::Creating(request.clone());
        vec![self.send(Write::Create(request))]
    }

    fn send(&self, write: Write) -> Command {
        Command::Send {
            flow: self.id,
            write,
        }
    }

    /// The answer to this dialog's own write, and whether the dialog is done.
    fn answered(&mut self, answer: Answer) -> (Vec<Command>, bool) {
        if answer.cancelled() {
            return (Vec::new(), true);
        }
        let step = std::mem::replace(&mut self.step, CreateStep::Editing);
        match (step, answer) {
            (CreateStep::Deleting { request, .. }, answer @ Answer::Deleted(..)) => {
                let mut outcome = answer.outcome();
                if !outcome.close {
                    // Not deleted: nothing more is sent.
                    self.errors.form = outcome.errors.take_all();
                    return (vec![Command::Settle(outcome)], false);
                }
                self.step = CreateStep::Creating(request.clone());
                let create = self.send(Write::Create(request));
                (vec![Command::Settle(outcome), create], false)
            }
            (CreateStep::Creating(_), answer @ Answer::Created(..)) => {
                let mut outcome = answer.outcome();
                let done = outcome.close;
                self.errors = std::mem::take(&mut outcome.errors);
                (vec![Command::Settle(outcome)], done)
            }
            (step, answer) => {
                self.step = step;
                (late(answer), false)
            }
        }
    }

    /// The dialog closed: what was sent cannot be called back, so the user hears what
    /// follows. Nothing that was not sent yet will be.
    fn cancelled(&self) -> Vec<Command> {
        let text = match &self.step {
            CreateStep::Editing => return Vec::new(),
            CreateStep::Deleting { victim, .. } => messages::room_delete_sent(victim),
            CreateStep::Creating(request) => messages::create_sent(request.body.name.as_str()),
        };
        vec![Command::Notify(Notice::new(Tone::Info, text))]
    }
}
