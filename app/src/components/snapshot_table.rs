use leptos::prelude::*;
use snapshot_api::{Snapshot, SnapshotId, SnapshotStatus};

use super::modal::focus_fallback;
use super::pager::Pager;
use super::row_focus::{description_id, RowFocus};
use super::selection_bar::SelectionBar;
use super::{Clock, Shared};
use crate::format;
use crate::i18n::{Key, Message};
use crate::language::{tr, Language};
use crate::messages;
use crate::model::undo_window::WindowEvent;
use crate::model::Model;
use crate::view_state::page_range;

/// The list, a page at a time, with empty, loading and no-match states.
#[component]
pub fn SnapshotTable() -> impl IntoView {
    let Shared {
        store,
        view_state,
        pinned_server,
        ..
    } = expect_context::<Shared>();
    // Pinned to one server by the host, a Server column would repeat it on every row.
    let show_server = pinned_server.is_none();
    // The list's search keys are made once per list change (in the model); a keystroke
    // picks positions, and only the page shown is copied out of the list.
    let shown = Memo::new(move |_| {
        store.model.with(|m| match m.list().listed() {
            Some(listed) => view_state.select(listed.snapshots(), listed.keys()),
            None => Vec::new(),
        })
    });
    let total = Memo::new(move |_| shown.with(Vec::len));
    // A filter or search that hides chosen rows un-chooses them (the model's rule); the
    // model is written only when it does.
    Effect::new(move |_| {
        let kept = shown.with(|shown| {
            store
                .model
                .with_untracked(|m| m.selection.shown_only(m.list().snapshots(), shown))
        });
        if let Some(kept) = kept {
            store.model.update(|m| m.selection = kept);
        }
    });
    let page = Memo::new(move |_| {
        store.model.with(|m| {
            let list = m.list().snapshots();
            shown.with(|all| {
                all[page_range(all.len(), view_state.page.get())]
                    .iter()
                    .filter_map(|&i| list.get(i).cloned())
                    .collect::<Vec<_>>()
            })
        })
    });
    // Focus never stays on a control that now stands for another snapshot, or is hidden:
    // it follows its snapshot to the row that shows it now, or goes to the page's heading
    // when it left the page (a delete done, another client's change), as it does when a
    // closed dialog's opener is gone.
    let mut before = Vec::new();
    Effect::new(move |_| {
        let now: Vec<SnapshotId> = page.with(|p| p.iter().map(|s| s.id).collect());
        let before = std::mem::replace(&mut before, now.clone());
        // A hidden row loses focus at the next style update, after this: focus is still
        // where it was.
        let Some(active) = document().active_element() else {
            return;
        };
        let Some(row) = active.closest("tr[data-place]").ok().flatten() else {
            return;
        };
        let place = row
            .get_attribute("data-place")
            .and_then(|p| p.parse::<usize>().ok());
        let was = place.and_then(|p| before.get(p).copied());
        if let Some(was) = was.filter(|&was| place.and_then(|p| now.get(p)) != Some(&was)) {
            // Where it is going, from the page: the rows may not show it yet.
            let to = now.iter().position(|&id| id == was);
            match to.and_then(|to| RowFocus::moved(&row, &active, to)?.element()) {
                Some(control) => {
                    let _ = control.focus();
                }
                None => focus_fallback(),
            }
        }
    });
    // Rows are made for the most the page has shown, and kept: a shorter page hides the
    // rest. Rows made and dropped on each keystroke cost time, and wasm memory that grew
    // with every search.
    let places =
        Memo::new(move |most: Option<&usize>| page.with(Vec::len).max(most.copied().unwrap_or(0)));
    let state_row = move || {
        let (listed, failed, empty) = store.model.with(|m| {
            (
                m.list().listed().is_some(),
                m.list().error().is_some(),
                m.list().snapshots().is_empty(),
            )
        });
        if !listed {
            // A first read that failed has no list to show; the banner above says why.
            return (!failed).then(|| {
                view! { <p class="sc-empty" role="status">{tr(Key::TableLoading)}</p> }.into_any()
            });
        }
        if !shown.with(Vec::is_empty) {
            return None;
        }
        if empty {
            return Some(
                view! {
                    <p class="sc-empty">{tr(Key::TableEmpty)}</p>
                }
                .into_any(),
            );
        }
        let clear = move |_| {
            view_state.search.set(String::new());
            view_state.server.set(None);
        };
        Some(view! {
            <p class="sc-empty">
                {tr(Key::TableNoMatch)}" "
                <button type="button" class="sc-link" on:click=clear>{tr(Key::TableShowAll)}</button>
            </p>
        }.into_any())
    };
    view! {
        <Pager total=total/>
        <SelectionBar page/>
        <div class="sc-table-wrap">
            // Explicit roles: on narrow screens rows are restyled as cards, and Chromium drops the
            // implicit table semantics of restyled table elements.
            <table class="sc-table" role="table" aria-label=tr(Key::ListTitle)>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader" class="sc-col-select"><span class="sc-visually-hidden">{tr(Key::ColSelect)}</span></th>
                        {show_server.then(|| view! { <th scope="col" role="columnheader" class="sc-col-server">{tr(Key::ColServer)}</th> })}
                        <th scope="col" role="columnheader" class="sc-col-name">{tr(Key::ColName)}</th>
                        <th scope="col" role="columnheader" class="sc-col-status">{tr(Key::ColStatus)}</th>
                        <th scope="col" role="columnheader" class="sc-col-size">{tr(Key::ColSize)}</th>
                        <th scope="col" role="columnheader" class="sc-col-created">{tr(Key::ColCreated)}</th>
                        <th scope="col" role="columnheader" class="sc-col-description">{tr(Key::ColDescription)}</th>
                        <th scope="col" role="columnheader" class="sc-col-actions"><span class="sc-visually-hidden">{tr(Key::ColActions)}</span></th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    // Made again only when the page shows more rows than it ever has.
                    {move || (0..places.get()).map(|place| view! { <Row page place show_server/> }).collect_view()}
                </tbody>
            </table>
            {state_row}
        </div>
    }
}

/// One row of the page: a place, not a snapshot. A search, a sort or another page puts other
/// snapshots in the same rows, whose elements are then updated in place rather than made
/// again (the cost of a keystroke at 5,000 snapshots; docs/BENCHMARKS.md, issue 27). A place
/// past the end of the page is hidden.
#[component]
fn Row(page: Memo<Vec<Snapshot>>, place: usize, show_server: bool) -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared {
        dialogs,
        store,
        clock: Clock(now),
        ..
    } = expect_context::<Shared>();
    // The snapshot in this place; the last one while the page is shorter (and the row
    // hidden). A row is made when the page reaches its place.
    let first = page
        .with_untracked(|p| p.get(place).cloned())
        .expect("a row is made when the page reaches its place");
    // With what the model says of it: one read of the model per row, so a change to it
    // wakes each row once, not each of its bindings (every binding subscribed to the model
    // made each of its updates cost more). The clock ticks every second; what is shown
    // changes far more rarely.
    let row = Memo::new(move |last: Option<&RowState>| {
        let snapshot = page
            .with(|p| p.get(place).cloned())
            .or_else(|| last.map(|l| l.snapshot.clone()))
            .unwrap_or_else(|| first.clone());
        let shown = page.with(|p| place < p.len());
        store
            .model
            .with(|m| RowState::of(m, snapshot, shown, now.get()))
    });
    let shown = move || row.with(|r| r.shown);
    let id = move || row.with(|r| r.snapshot.id);
    let size_mb = move || row.with(|RowState { snapshot: s, .. }| s.size_mb);
    let created = move || row.with(|RowState { snapshot: s, .. }| s.created_at);
    let refusal_text = move || row.with(|st| st.refusal.as_ref().map(|m| language.render(m)));
    let refused = move || row.with(|st| st.refusal.is_some());
    // Seconds left of this row's undo window, while its delete waits.
    let deleting = move || row.with(|st| st.seconds_left);
    let waiting = move || row.with(|st| st.seconds_left.is_some());
    let badge_class = move || {
        row.with(|RowState { snapshot: s, .. }| match s.status {
            SnapshotStatus::InProgress => "sc-badge sc-badge-progress",
            SnapshotStatus::Completed => "sc-badge sc-badge-ok",
            SnapshotStatus::Failed => "sc-badge sc-badge-failed",
            SnapshotStatus::Unknown(_) => "sc-badge",
        })
    };
    let size =
        move || size_mb().map_or_else(|| "—".to_owned(), |mb| format::size(language.locale(), mb));
    let size_title = move || match size_mb() {
        Some(mb) => format::exact_mb(language.locale(), mb),
        None => language.t(Key::TableSizeUnknown),
    };
    let selected = move || row.with(|st| st.selected);
    // Why this row's delete failed, when it went as part of a batch.
    let failure = move || row.with(|st| st.failure.as_ref().map(|e| language.render(e)));
    // Focusable only when it may be cut short, so the keyboard can open it too.
    let focusable = move || {
        let length = row.with(|RowState { snapshot: s, .. }| {
            s.description.as_deref().map_or(0, |d| d.chars().count())
        });
        if length > CLAMP_CHARS {
            "0"
        } else {
            "-1"
        }
    };
    // A hidden row names nothing: its snapshot may be shown in another row.
    let description_id = move || shown().then(|| description_id(id()));
    view! {
        // The description, clamped on screen, is read in full as the row's description.
        <tr role="row" aria-describedby=description_id hidden=move || !shown() data-place=place>
            <td role="cell" class="sc-col-select" data-label=tr(Key::ColSelect)>
                <input
                    type="checkbox"
                    aria-label=move || row.with(|RowState { snapshot: s, .. }| language.fill(Key::SelectRow, &[("name", s.name.as_str())]))
                    prop:checked=selected
                    disabled=waiting
                    on:change=move |_| store.model.update(|m| m.selection.toggle(id()))
                />
            </td>
            {show_server.then(|| view! {
                <td role="cell" class="sc-col-server sc-nowrap" data-label=tr(Key::ColServer)>
                    {move || row.with(|RowState { snapshot: s, .. }| s.server.name.clone())}
                </td>
            })}
            <td role="cell" data-label=tr(Key::ColName) class="sc-col-name sc-name">{move || row.with(|RowState { snapshot: s, .. }| breakable(s.name.as_str()))}</td>
            <td role="cell" class="sc-col-status sc-nowrap" data-label=tr(Key::ColStatus)>
                // The status as words and a shape (never colour alone); the badge is as wide
                // as the widest status in the language shown, so a snapshot that completes
                // moves nothing.
                <span class=badge_class>
                    <span class="sc-slot sc-status">{move || row.with(|RowState { snapshot: s, .. }| language.render(&messages::status(&s.status)))}</span>
                </span>
                {move || failure().map(|why| view! { <span class="sc-field-error sc-row-error">{why}</span> })}
            </td>
            <td role="cell" class="sc-col-size sc-nowrap" data-label=tr(Key::ColSize)><span title=size_title>{size}</span></td>
            <td role="cell" class="sc-col-created sc-nowrap" data-label=tr(Key::ColCreated)>
                <time datetime=move || format::iso(created()) title=move || format::absolute(language.locale(), created())>
                    {move || format::relative(language.locale(), format::millis(created()), now.get())}
                </time>
            </td>
            <td role="cell" data-label=tr(Key::ColDescription) class="sc-col-description sc-description">
                <span class="sc-clamp" id=description_id tabindex=focusable>{move || row.with(|RowState { snapshot: s, .. }| s.description.clone().unwrap_or_default())}</span>
            </td>
            <td role="cell" class="sc-col-actions sc-actions">
                // While the delete waits, its countdown takes Restore's place (see the CSS's
                // slots: neither changes the row's size).
                <span class="sc-stack sc-countdown">
                    <button
                        type="button"
                        class="sc-button sc-small"
                        aria-label=move || row.with(|RowState { snapshot: s, .. }| language.fill(Key::ActionRestoreNamed, &[("name", s.name.as_str())]))
                        title=refusal_text
                        // Not `disabled`: the button keeps its focus (after a restore) and its reason.
                        aria-disabled=move || refused().to_string()
                        on:click=move |_| {
                            if !refused() && !waiting() {
                                store.open_restore(row.with_untracked(|r| r.snapshot.clone()));
                            }
                        }
                    >
                        {tr(Key::ActionRestore)}
                    </button>
                    {move || deleting().map(|seconds| view! {
                        <span class="sc-deleting">
                            {language.fill(Key::TableDeletingIn, &[("seconds", &language.number(seconds as usize))])}
                        </span>
                    })}
                </span>
                // One button that becomes Undo while the delete waits: focus, which comes back
                // to it when the dialog closes, stays on it.
                <button
                    type="button"
                    class="sc-button sc-small sc-danger"
                    aria-label=move || {
                        let key = if waiting() { Key::ActionUndoNamed } else { Key::ActionDeleteNamed };
                        row.with(|RowState { snapshot: s, .. }| language.fill(key, &[("name", s.name.as_str())]))
                    }
                    on:click=move |_| {
                        if waiting() {
                            store.delete(WindowEvent::Undo(id()));
                        } else {
                            dialogs.delete.set(Some(row.with_untracked(|r| r.snapshot.clone())));
                        }
                    }
                >
                    <span class="sc-slot sc-swap">
                        {move || language.t(if waiting() { Key::ActionUndo } else { Key::ActionDelete })}
                    </span>
                </button>
            </td>
        </tr>
    }
}

/// One row's snapshot, and what the model says of it.
#[derive(Clone, PartialEq)]
struct RowState {
    snapshot: Snapshot,
    /// Whether the page reaches this row (else it is hidden).
    shown: bool,
    selected: bool,
    /// Seconds left of its undo window, while its delete waits.
    seconds_left: Option<u64>,
    /// Why its delete failed, when it went as part of a batch.
    failure: Option<Message>,
    /// Why it cannot be restored now.
    refusal: Option<Message>,
}

impl RowState {
    fn of(m: &Model, snapshot: Snapshot, shown: bool, now: f64) -> Self {
        let s = &snapshot;
        Self {
            selected: m.selection.contains(s.id),
            seconds_left: m.deletes().window().seconds_left(s.id, now),
            failure: m.deletes().batch().failure(s.id).cloned(),
            refusal: m
                .check_restore(s, now)
                .err()
                .map(|r| messages::restore_refusal(&r)),
            snapshot,
            shown,
        }
    }
}

/// Descriptions longer than this may be cut short in the table (two lines of its column).
const CLAMP_CHARS: usize = 40;

/// `name` with a line-break opportunity after each `-` and `_`, so a narrow column breaks it
/// between its parts ("pre-migration-" / "snapshot"), never inside one.
fn breakable(name: &str) -> impl IntoView {
    name.split_inclusive(['-', '_'])
        .map(|part| {
            let part = part.to_owned();
            // Erased, as the table's rows are: one reactive list type for both.
            view! { {part}<wbr/> }.into_any()
        })
        .collect_view()
}
