//! Decisions of the console in plain Rust, with no Leptos types inside, so they are tested
//! natively with `cargo test`. Components read them and only render and dispatch.

pub mod batch;
pub mod create_flow;
pub mod create_form;
pub mod deletes;
pub mod dialogs;
pub mod flow;
pub mod host_event;
pub mod list;
pub mod listed;
pub mod notice;
pub mod outcome;
pub mod restore_flow;
pub mod safety;
pub mod search;
pub mod selection;
pub mod undo_window;
pub mod view;

#[cfg(test)]
mod tests;

pub use list::{Model, Ticket};
pub use listed::{ListState, Listed};
pub use notice::{Notice, Tone};

#[cfg(test)]
pub(crate) mod fixtures {
    use snapshot_api::{ServerId, ServerRef, Snapshot};

    use super::Model;

    /// A moment in June 2025, after every fixture snapshot.
    pub const NOW: f64 = 1_750_000_000_000.0;

    /// A model that has read `list` at [`NOW`].
    pub fn loaded(list: Vec<Snapshot>) -> Model {
        let mut model = Model::default();
        let ticket = model.begin_read();
        model.finish_read(ticket, NOW, Ok(list)).unwrap();
        model
    }

    /// A snapshot of server `server` ("s<server>"), created on day `id` of 2025.
    pub fn snapshot(id: u64, server: u64, name: &str, status: &str) -> Snapshot {
        serde_json::from_value(serde_json::json!({
            "id": id, "server": {"id": server, "name": format!("s{server}")}, "name": name,
            "status": status, "size_mb": null, "description": null,
            "created_at": format!("2025-01-{id:02}T00:00:00Z"),
        }))
        .unwrap()
    }

    pub fn server(id: u64, name: &str) -> ServerRef {
        ServerRef {
            id: ServerId::new(id).unwrap(),
            name: name.to_owned(),
        }
    }
}
