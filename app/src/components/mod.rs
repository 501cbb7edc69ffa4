//! The console's views. Each file is one piece of the screen; the accessible names the tests
//! and host portals rely on are listed in the README.

mod console;
mod copy_as;
mod create_dialog;
mod create_fields;
mod delete_chosen_dialog;
mod delete_dialog;
mod dialog_actions;
mod export;
mod header;
mod language_menu;
mod menu;
mod modal;
mod not_started;
mod pager;
mod quota;
mod restore_dialog;
mod row_focus;
mod selection_bar;
mod sign_in;
mod slots;
mod snapshot_table;
mod toast_region;
mod toolbar;

pub use console::{Clock, Console, Dialogs, Shared};
pub use not_started::NotStarted;
