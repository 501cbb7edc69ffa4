//! Focus in the table held by snapshot, not by element: the table's rows are places on the
//! page whose snapshots change under them (a search, another client's create), so "the
//! Restore button that opened this dialog" must be found again by what it stands for.

use leptos::prelude::*;
use snapshot_api::SnapshotId;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A row's controls, in the order every row has them.
const CONTROLS: &str = "input, button, .sc-clamp";

/// A control of one row.
#[derive(Clone)]
pub struct RowFocus {
    /// The row, as a selector: by the snapshot it shows (its `aria-describedby`), or by its
    /// place on the page.
    row: String,
    /// Which of the row's controls.
    control: u32,
}

impl RowFocus {
    /// Where `element` is, when it is a control of a row.
    pub fn of(element: &Element) -> Option<Self> {
        let row = element.closest("tr[aria-describedby]").ok()??;
        Some(Self {
            row: format!(
                "tr[aria-describedby=\"{}\"]",
                row.get_attribute("aria-describedby")?
            ),
            control: control_index(&row, element)?,
        })
    }

    /// The control `element` is in its `row`, in the row at `place` instead.
    pub fn moved(row: &Element, element: &Element, place: usize) -> Option<Self> {
        Some(Self {
            row: format!("tr[data-place=\"{place}\"]"),
            control: control_index(row, element)?,
        })
    }

    /// The same control in the row that shows that snapshot now, if one does.
    pub fn element(&self) -> Option<HtmlElement> {
        let row = document()
            .query_selector(&format!(".snapshot-console {}", self.row))
            .ok()??;
        row.query_selector_all(CONTROLS)
            .ok()?
            .get(self.control)?
            .dyn_into()
            .ok()
    }
}

/// The id of the element holding snapshot `id`'s description, which describes its row.
pub fn description_id(id: SnapshotId) -> String {
    format!("sc-description-{id}")
}

fn control_index(row: &Element, element: &Element) -> Option<u32> {
    let controls = row.query_selector_all(CONTROLS).ok()?;
    (0..controls.length()).find(|&i| {
        controls
            .get(i)
            .is_some_and(|c| c.is_same_node(Some(element)))
    })
}
