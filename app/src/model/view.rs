//! What the user is looking at, as the page's address keeps it, and how a change of it goes
//! into the browser's history: a filter, sort or page change is a step Back can undo;
//! typing a search only rewrites the current step.

use snapshot_api::ServerId;

use super::search::Sort;

/// The view: server filter, search, sort and page (from 0).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    pub server: Option<ServerId>,
    pub search: String,
    pub sort: Sort,
    pub page: usize,
}

/// What a change from one view to the next asks of the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Nothing changed (or history itself brought this view back).
    Same,
    /// A new filter, search or sort starts at the first page: set it, then decide again.
    FirstPage,
    /// A new entry, which Back returns from.
    Push,
    /// The current entry, rewritten.
    Replace,
}

impl View {
    /// Reads a view from the address's query (`server_id`, `q`, `sort`, `page` from 1);
    /// what cannot be read is left at its default.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            server: get("server_id").and_then(|v| v.parse().ok()),
            search: get("q").unwrap_or_default(),
            sort: Sort::from_key(&get("sort").unwrap_or_default()),
            page: get("page")
                .and_then(|v| v.parse::<usize>().ok())
                .map_or(0, |p| p.saturating_sub(1)),
        }
    }

    /// The query's parameters, each `None` where it is at its default (and so left out).
    pub fn query(&self) -> [(&'static str, Option<String>); 4] {
        let search = self.search.trim();
        [
            ("server_id", self.server.map(|s| s.to_string())),
            ("q", (!search.is_empty()).then(|| search.to_owned())),
            (
                "sort",
                (self.sort != Sort::Newest).then(|| self.sort.key().to_owned()),
            ),
            ("page", (self.page > 0).then(|| (self.page + 1).to_string())),
        ]
    }

    /// How going from `self` (the current history entry) to `next` is recorded.
    pub fn step(&self, next: &View) -> Step {
        let filtered = self.server != next.server || self.sort != next.sort;
        let searched = self.search != next.search;
        if (filtered || searched) && next.page != 0 && next.page == self.page {
            Step::FirstPage
        } else if filtered || self.page != next.page {
            Step::Push
        } else if searched {
            Step::Replace
        } else {
            Step::Same
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(server: Option<u64>, search: &str, sort: Sort, page: usize) -> View {
        View {
            server: server.map(|s| ServerId::new(s).unwrap()),
            search: search.to_owned(),
            sort,
            page,
        }
    }

    #[test]
    fn filter_sort_and_page_are_steps_back_undoes_and_typing_is_not() {
        let start = view(None, "", Sort::Newest, 0);
        assert_eq!(start.step(&start.clone()), Step::Same);
        assert_eq!(
            start.step(&view(Some(12345), "", Sort::Newest, 0)),
            Step::Push
        );
        assert_eq!(start.step(&view(None, "", Sort::Size, 0)), Step::Push);
        assert_eq!(start.step(&view(None, "", Sort::Newest, 1)), Step::Push);
        assert_eq!(
            start.step(&view(None, "nigh", Sort::Newest, 0)),
            Step::Replace
        );
    }

    #[test]
    fn a_new_filter_or_search_starts_at_the_first_page() {
        let third = view(None, "", Sort::Newest, 2);
        assert_eq!(
            third.step(&view(Some(1), "", Sort::Newest, 2)),
            Step::FirstPage
        );
        assert_eq!(
            third.step(&view(None, "db", Sort::Newest, 2)),
            Step::FirstPage
        );
        assert_eq!(third.step(&view(None, "", Sort::Name, 2)), Step::FirstPage);
        // Once at the first page, the filter is its own step.
        assert_eq!(third.step(&view(Some(1), "", Sort::Newest, 0)), Step::Push);
        // History bringing back page 3 of a filter is not a new filter.
        let back = view(Some(1), "", Sort::Newest, 2);
        assert_eq!(back.step(&back.clone()), Step::Same);
    }

    #[test]
    fn the_query_round_trips_and_leaves_defaults_out() {
        let shown = view(Some(12345), " nightly ", Sort::Name, 2);
        let query = shown.query();
        assert_eq!(
            query,
            [
                ("server_id", Some("12345".to_owned())),
                ("q", Some("nightly".to_owned())),
                ("sort", Some("name".to_owned())),
                ("page", Some("3".to_owned())),
            ]
        );
        let read = View::from_query(|key| {
            query
                .iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| v.clone())
        });
        assert_eq!(read, view(Some(12345), "nightly", Sort::Name, 2));
        assert!(View::default().query().iter().all(|(_, v)| v.is_none()));
        // Nonsense is the default, not an error.
        let odd = View::from_query(|key| Some(if key == "page" { "-4" } else { "x" }.to_owned()));
        assert_eq!(odd, view(None, "x", Sort::Newest, 0));
    }
}
