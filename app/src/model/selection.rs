//! Rows chosen for a delete of several at once, and what the batch tells the user.

use snapshot_api::{Snapshot, SnapshotId};

/// How many names the confirmation lists before "and N more".
pub const LISTED_NAMES: usize = 10;

/// The rows the user chose, by ID. A chosen snapshot that leaves the list drops out of
/// [`Selection::of`] at once, and out of the selection at the next [`Selection::shown_only`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection(Vec<SnapshotId>);

impl Selection {
    /// Whether `id` is chosen.
    pub fn contains(&self, id: SnapshotId) -> bool {
        self.0.contains(&id)
    }

    /// Chooses `id`, or un-chooses it.
    pub fn toggle(&mut self, id: SnapshotId) {
        match self.0.iter().position(|s| *s == id) {
            Some(at) => {
                self.0.remove(at);
            }
            None => self.0.push(id),
        }
    }

    /// Whether every row of `page` is chosen (and there is at least one).
    pub fn all_of(&self, page: &[SnapshotId]) -> bool {
        !page.is_empty() && page.iter().all(|id| self.contains(*id))
    }

    /// Chooses every row of `page`, or, when all are chosen already, none of them.
    pub fn toggle_all(&mut self, page: &[SnapshotId]) {
        if self.all_of(page) {
            self.0.retain(|id| !page.contains(id));
        } else {
            for id in page {
                if !self.contains(*id) {
                    self.0.push(*id);
                }
            }
        }
    }

    /// The chosen snapshots still in `list`, in list order (counted on every list change,
    /// so nothing is copied until a caller asks).
    pub fn of<'a>(&'a self, list: &'a [Snapshot]) -> impl Iterator<Item = &'a Snapshot> {
        list.iter().filter(|s| self.contains(s.id))
    }

    /// Un-chooses everything.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The selection without the chosen rows that `shown` (positions in `list`, all pages)
    /// leaves out, or `None` when it leaves none out. A filter or search that hides a chosen
    /// row un-chooses it: a batch deletes only rows the user can see still match. One pass
    /// over `shown`, as this runs on every keystroke of a search.
    pub fn shown_only(&self, list: &[Snapshot], shown: &[usize]) -> Option<Self> {
        let kept: Vec<SnapshotId> = shown
            .iter()
            .filter_map(|&i| list.get(i))
            .map(|s| s.id)
            .filter(|id| self.contains(*id))
            .collect();
        // IDs are chosen once each, and each position is shown once.
        (kept.len() < self.0.len()).then_some(Self(kept))
    }
}

/// The names a confirmation lists: the first [`LISTED_NAMES`], and how many more there are.
pub fn listed_names(snapshots: &[Snapshot]) -> (Vec<&str>, usize) {
    let names = snapshots
        .iter()
        .take(LISTED_NAMES)
        .map(|s| s.name.as_str())
        .collect();
    (names, snapshots.len().saturating_sub(LISTED_NAMES))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::snapshot;

    fn id(n: u64) -> SnapshotId {
        SnapshotId::new(n).unwrap()
    }

    #[test]
    fn rows_are_chosen_one_at_a_time_or_a_page_at_a_time() {
        let mut selection = Selection::default();
        selection.toggle(id(1));
        assert!(selection.contains(id(1)));
        let page = [id(1), id(2), id(3)];
        assert!(!selection.all_of(&page));
        selection.toggle_all(&page);
        assert!(selection.all_of(&page));
        selection.toggle(id(2));
        assert!(!selection.all_of(&page));
        selection.toggle_all(&page);
        selection.toggle_all(&page);
        assert!(!selection.contains(id(1)) && !selection.contains(id(3)));
        assert!(!selection.all_of(&[]), "an empty page is never all chosen");
    }

    #[test]
    fn a_chosen_snapshot_that_left_the_list_drops_out() {
        let mut selection = Selection::default();
        selection.toggle(id(2));
        selection.toggle(id(9));
        let list = vec![
            snapshot(1, 10, "a", "completed"),
            snapshot(2, 10, "b", "failed"),
        ];
        let chosen: Vec<_> = selection.of(&list).map(|s| s.id).collect();
        assert_eq!(chosen, [id(2)]);
    }

    #[test]
    fn a_filter_that_hides_a_chosen_row_unchooses_it() {
        let list = vec![
            snapshot(1, 10, "a", "completed"),
            snapshot(2, 10, "b", "completed"),
            snapshot(3, 20, "c", "completed"),
        ];
        let mut selection = Selection::default();
        selection.toggle(id(1));
        selection.toggle(id(3));
        // Everything shown, over two pages or one: nothing changes.
        assert_eq!(selection.shown_only(&list, &[2, 1, 0]), None);
        // A search that leaves out row 3 un-chooses it; row 1 stays chosen.
        let kept = selection.shown_only(&list, &[0, 1]).unwrap();
        assert!(kept.contains(id(1)) && !kept.contains(id(3)));
        // A chosen snapshot that left the list goes too.
        let mut gone = kept.clone();
        gone.toggle(id(9));
        assert_eq!(gone.shown_only(&list, &[0, 1]), Some(kept));
        // Nothing shown (a search that matches nothing): nothing stays chosen.
        assert_eq!(selection.shown_only(&list, &[]), Some(Selection::default()));
    }

    #[test]
    fn the_confirmation_lists_ten_names_then_how_many_more() {
        let list: Vec<_> = (1..=13)
            .map(|i| snapshot(i, 10, &format!("n{i}"), "completed"))
            .collect();
        let (names, more) = listed_names(&list);
        assert_eq!(names.len(), 10);
        assert_eq!((names[0], names[9], more), ("n1", "n10", 3));
        let (names, more) = listed_names(&list[..2]);
        assert_eq!((names, more), (vec!["n1", "n2"], 0));
    }
}
