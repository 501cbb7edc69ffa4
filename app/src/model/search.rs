//! Filtering and sorting the list. A keystroke in the search box must repaint a 5,000-row list
//! within a frame, so each snapshot's lowercased name and description are computed once per
//! list change, and a search picks positions instead of copying snapshots.

use std::cmp::Ordering;

use snapshot_api::{positions_by, ServerId, Snapshot};

use crate::i18n::Key;

/// The table's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Newest,
    Name,
    Size,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Name, Sort::Size];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Name => "name",
            Sort::Size => "size",
        }
    }

    /// Its name in the sort menu.
    pub fn label(self) -> Key {
        match self {
            Sort::Newest => Key::SortNewest,
            Sort::Name => Key::SortName,
            Sort::Size => Key::SortSize,
        }
    }

    pub fn from_key(key: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or(Sort::Newest)
    }
}

/// A list's search keys, made once per list change: each snapshot's name and description
/// lowercased, and the list's positions in each sort order. A keystroke then filters in the
/// chosen order, with no lowercasing and no sorting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchKeys {
    text: Vec<(String, String)>,
    /// Positions in [`Sort::ALL`]'s order of sorts.
    orders: [Vec<usize>; 3],
}

impl SearchKeys {
    pub fn new(list: &[Snapshot]) -> Self {
        let text: Vec<(String, String)> = list
            .iter()
            .map(|s| {
                let description = s.description.as_deref().unwrap_or_default();
                (lowercase(s.name.as_str()), lowercase(description))
            })
            .collect();
        let order = |sort: Sort| {
            let by: &dyn Fn(usize, usize) -> Ordering = match sort {
                Sort::Newest => &|a, b| {
                    let (a, b) = (&list[a], &list[b]);
                    b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id))
                },
                Sort::Name => &|a, b| text[a].0.cmp(&text[b].0),
                Sort::Size => &|a, b| list[b].size_mb.cmp(&list[a].size_mb),
            };
            positions_by(list.len(), by)
        };
        let orders = Sort::ALL.map(order);
        Self { text, orders }
    }

    fn order(&self, sort: Sort) -> &[usize] {
        let at = Sort::ALL.iter().position(|s| *s == sort).unwrap_or(0);
        &self.orders[at]
    }
}

/// `text` lowercased by Unicode's default case mapping, so "ČIŠĆENJE" finds "čišćenje".
/// ASCII (every name, most descriptions) is done here; in the wasm, other text goes to the
/// browser's `toLowerCase`, which applies the same mapping: std's `to_lowercase` would carry
/// its Unicode tables, 7.3 KB of the gzipped bundle. Natively, for the model's tests, std's.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_family = "wasm")]
    return js_sys::JsString::from(text).to_lower_case().into();
    #[cfg(not(target_family = "wasm"))]
    return text.to_lowercase();
}

/// What the user filters by and sorts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query<'a> {
    pub server: Option<ServerId>,
    /// As typed; surrounding spaces and case do not matter.
    pub search: &'a str,
    pub sort: Sort,
}

/// The positions in `list` to show for `query`, in order. `keys` are `list`'s.
pub fn select(list: &[Snapshot], keys: &SearchKeys, query: &Query<'_>) -> Vec<usize> {
    let needle = lowercase(query.search.trim());
    keys.order(query.sort)
        .iter()
        .copied()
        .filter(|&i| i < list.len() && query.server.is_none_or(|id| list[i].server.id == id))
        .filter(|&i| {
            let (name, description) = &keys.text[i];
            needle.is_empty() || name.contains(&needle) || description.contains(&needle)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(
        id: u64,
        server: u64,
        name: &str,
        description: &str,
        size: Option<u64>,
        day: i64,
    ) -> Snapshot {
        serde_json::from_value(serde_json::json!({
            "id": id, "server": {"id": server, "name": format!("s{server}")}, "name": name,
            "status": "completed", "size_mb": size, "description": description,
            "created_at": format!("2025-01-{day:02}T00:00:00Z"),
        }))
        .unwrap()
    }

    fn list() -> Vec<Snapshot> {
        vec![
            snapshot(1, 10, "Alpha-db", "Before MIGRATION", Some(5), 1),
            snapshot(2, 10, "beta", "nightly", Some(50), 3),
            snapshot(3, 20, "gamma_migration", "", None, 2),
            snapshot(4, 20, "delta", "ČIŠĆENJE diska", None, 4),
        ]
    }

    fn names(list: &[Snapshot], shown: &[usize]) -> Vec<String> {
        shown
            .iter()
            .map(|&i| list[i].name.as_str().to_owned())
            .collect()
    }

    fn run(server: Option<u64>, search: &str, sort: Sort) -> Vec<String> {
        let list = list();
        let keys = SearchKeys::new(&list);
        let server = server.map(|id| ServerId::new(id).unwrap());
        names(
            &list,
            &select(
                &list,
                &keys,
                &Query {
                    server,
                    search,
                    sort,
                },
            ),
        )
    }

    #[test]
    fn search_matches_name_or_description_whatever_the_case() {
        assert_eq!(
            run(None, "  MIGRATION ", Sort::Newest),
            ["gamma_migration", "Alpha-db"]
        );
        assert_eq!(run(None, "NIGHT", Sort::Newest), ["beta"]);
        assert_eq!(run(None, "nothing", Sort::Newest), Vec::<String>::new());
        assert_eq!(run(None, "čišćenje", Sort::Newest), ["delta"]);
        assert_eq!(run(None, "", Sort::Newest).len(), 4);
    }

    #[test]
    fn the_server_filter_and_search_combine() {
        assert_eq!(run(Some(10), "", Sort::Newest), ["beta", "Alpha-db"]);
        assert_eq!(run(Some(20), "alpha", Sort::Newest), Vec::<String>::new());
    }

    #[test]
    fn sorts_by_age_name_and_size() {
        assert_eq!(
            run(None, "", Sort::Newest),
            ["delta", "beta", "gamma_migration", "Alpha-db"]
        );
        assert_eq!(
            run(None, "", Sort::Name),
            ["Alpha-db", "beta", "delta", "gamma_migration"]
        );
        // Unknown sizes (in progress) go last.
        assert_eq!(
            run(None, "", Sort::Size),
            ["beta", "Alpha-db", "gamma_migration", "delta"]
        );
    }

    #[test]
    fn sort_keys_round_trip() {
        for sort in Sort::ALL {
            assert_eq!(Sort::from_key(sort.key()), sort);
        }
        assert_eq!(Sort::from_key("bogus"), Sort::Newest);
    }
}
