//! The create and restore dialogs' flows together, so the browser side forwards every dialog
//! event down one path.

use super::create_flow::{CreateEvent, CreateFlow};
use super::flow::Command;
use super::restore_flow::{RestoreEvent, RestoreFlow};
use super::Model;

/// The flows of the create and restore dialogs: each dialog is open exactly while its flow
/// is, so closing one is its flow's decision.
#[derive(Debug, Default)]
pub struct Flows {
    pub create: Option<CreateFlow>,
    pub restore: Option<RestoreFlow>,
}

/// An event for one of the dialogs' flows.
#[derive(Debug)]
pub enum DialogEvent {
    Create(CreateEvent),
    Restore(RestoreEvent),
}

impl Flows {
    /// Gives `event` to its dialog's flow, with the list as `model` shows it at `now`.
    pub fn update(&mut self, model: &Model, now: f64, event: DialogEvent) -> Vec<Command> {
        match event {
            DialogEvent::Create(event) => CreateFlow::update(&mut self.create, model, now, event),
            DialogEvent::Restore(event) => {
                RestoreFlow::update(&mut self.restore, model, now, event)
            }
        }
    }
}
