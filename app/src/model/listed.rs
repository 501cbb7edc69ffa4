//! A list the API gave, and where the console's list stands: what is derived from a list is
//! made once, when it arrives, and only this type can change it.

use snapshot_api::{positions_by, ServerId, ServerRef, Snapshot};

use super::search::SearchKeys;
use crate::i18n::Message;

/// A list the API gave, with what is derived from it made once, when it arrives.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    /// When it was read (ms since the epoch).
    pub at: f64,
    snapshots: Vec<Snapshot>,
    /// Lowercased name and description per snapshot, for search.
    keys: SearchKeys,
    /// Per server, by ID: how many snapshots it has, and where the first one is. Made with
    /// the list's one sort rather than a hash map, whose code would be one more copy in the
    /// wasm.
    counts: Vec<ServerCount>,
}

#[derive(Clone, Debug, PartialEq)]
struct ServerCount {
    id: ServerId,
    snapshots: usize,
    first: usize,
}

impl Listed {
    pub fn new(at: f64, snapshots: Vec<Snapshot>) -> Self {
        let by_server = positions_by(snapshots.len(), &|a, b| {
            snapshots[a].server.id.cmp(&snapshots[b].server.id)
        });
        let mut counts: Vec<ServerCount> = Vec::new();
        for i in by_server {
            let id = snapshots[i].server.id;
            match counts.last_mut() {
                Some(last) if last.id == id => last.snapshots += 1,
                _ => counts.push(ServerCount {
                    id,
                    snapshots: 1,
                    first: i,
                }),
            }
        }
        Self {
            at,
            keys: SearchKeys::new(&snapshots),
            snapshots,
            counts,
        }
    }

    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    /// Lowercased name and description per snapshot, for search, in list order.
    pub fn keys(&self) -> &SearchKeys {
        &self.keys
    }

    /// Each server of the list, once, by ID.
    pub(super) fn servers(&self) -> impl Iterator<Item = &ServerRef> {
        self.counts.iter().map(|c| &self.snapshots[c.first].server)
    }

    /// How many snapshots `server` has in this list.
    pub(super) fn count(&self, server: ServerId) -> Option<usize> {
        let at = self.counts.binary_search_by_key(&server, |c| c.id).ok()?;
        Some(self.counts[at].snapshots)
    }

    pub(super) fn edit(self, change: impl FnOnce(&mut Vec<Snapshot>)) -> Self {
        let mut snapshots = self.snapshots;
        change(&mut snapshots);
        Self::new(self.at, snapshots)
    }
}

/// Where the list stands. A failed or running read keeps the last good list on screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ListState {
    #[default]
    NotLoaded,
    Loading {
        last: Option<Listed>,
    },
    Loaded(Listed),
    Failed {
        error: Message,
        last: Option<Listed>,
    },
}

impl ListState {
    /// The list on screen, if any has arrived.
    pub fn listed(&self) -> Option<&Listed> {
        match self {
            Self::NotLoaded => None,
            Self::Loaded(listed) => Some(listed),
            Self::Loading { last } | Self::Failed { last, .. } => last.as_ref(),
        }
    }

    pub fn snapshots(&self) -> &[Snapshot] {
        self.listed().map_or(&[], |l| &l.snapshots)
    }

    pub fn loading(&self) -> bool {
        matches!(self, Self::Loading { .. })
    }

    /// Why the last read failed.
    pub fn error(&self) -> Option<&Message> {
        match self {
            Self::Failed { error, .. } => Some(error),
            _ => None,
        }
    }

    pub(super) fn take_listed(&mut self) -> Option<Listed> {
        match std::mem::take(self) {
            Self::NotLoaded => None,
            Self::Loaded(listed) => Some(listed),
            Self::Loading { last } | Self::Failed { last, .. } => last,
        }
    }
}
