//! Every text the console shows, as one typed key set with its English text. Other locales
//! live in `app/locales/<tag>.json`, keyed by [`Key::id`]; a test fails when a file misses a
//! key, has one the enum lacks, or uses a placeholder the English text does not.

/// The English text of a key: one text, or a plural's forms for `{count}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum English {
    Text(&'static str),
    Plural {
        one: &'static str,
        other: &'static str,
    },
}

const fn text(text: &'static str) -> English {
    English::Text(text)
}

const fn plural(one: &'static str, other: &'static str) -> English {
    English::Plural { one, other }
}

macro_rules! keys {
    ($($variant:ident = $id:literal => $en:expr,)*) => {
        /// A text of the console.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($variant,)*
        }

        impl Key {
            /// Every key, in the order of the English table.
            pub const ALL: &'static [Key] = &[$(Key::$variant,)*];

            /// Its name in the locale files.
            pub fn id(self) -> &'static str {
                match self {
                    $(Key::$variant => $id,)*
                }
            }

            /// Its English text, which ships inside the wasm.
            pub fn en(self) -> English {
                match self {
                    $(Key::$variant => $en,)*
                }
            }
        }
    };
}

keys! {
    AppName = "app.name" => text("Snapshot Console"),
    LanguageLabel = "language.label" => text("Language"),
    LanguageNotLoaded = "language.not_loaded" => text("The {language} texts could not be loaded, so the console is shown in English."),
    SignInLede = "sign_in.lede" => text("Sign in with an API token to list, create, restore and delete server snapshots."),
    SignInToken = "sign_in.token" => text("API token"),
    SignInButton = "sign_in.button" => text("Sign in"),
    SignInTokenHelp = "sign_in.token_help" => text("The token stays in this browser tab only (session storage) and is removed when you sign out or close the tab."),
    SignInSignedOut = "sign_in.signed_out" => text("You have signed out. The token was removed from this tab."),
    SignInRefused = "sign_in.refused" => text("The API refused that token. Check that it is complete and still valid, then try again."),
    SignInExpired = "sign_in.expired" => text("Your session has ended: the API no longer accepts the token. Sign in again to carry on where you were."),
    ListTitle = "list.title" => text("Snapshots"),
    ListTitlePinned = "list.title_pinned" => text("Snapshots of {server}"),
    ListUpdatedNow = "list.updated_now" => text("Updated just now"),
    ListUpdatedSeconds = "list.updated_seconds" => text("Updated {seconds} s ago"),
    ListUpdatedMinutes = "list.updated_minutes" => text("Updated {minutes} min ago"),
    ListOffline = "list.offline" => text("You are offline. The list will update when the connection is back."),
    ActionRefresh = "action.refresh" => text("Refresh"),
    ActionRefreshing = "action.refreshing" => text("Refreshing…"),
    ActionSignOut = "action.sign_out" => text("Sign out"),
    ActionTryAgain = "action.try_again" => text("Try again"),
    ActionCreate = "action.create" => text("Create snapshot"),
    ToolbarFilter = "toolbar.filter" => text("Filter by server"),
    ToolbarAllServers = "toolbar.all_servers" => text("All servers"),
    ToolbarSearch = "toolbar.search" => text("Search"),
    ToolbarSearchHint = "toolbar.search_hint" => text("Name or description"),
    ToolbarSort = "toolbar.sort" => text("Sort"),
    SortNewest = "sort.newest" => text("Newest first"),
    SortName = "sort.name" => text("Name (A–Z)"),
    SortSize = "sort.size" => text("Size (largest first)"),
    TableLoading = "table.loading" => text("Loading snapshots…"),
    TableEmpty = "table.empty" => text("No snapshots yet. Create one before your next update to have a quick way back."),
    TableNoMatch = "table.no_match" => text("No snapshots match this filter."),
    TableShowAll = "table.show_all" => text("Show all snapshots"),
    ColServer = "col.server" => text("Server"),
    ColName = "col.name" => text("Name"),
    ColStatus = "col.status" => text("Status"),
    ColSize = "col.size" => text("Size"),
    ColCreated = "col.created" => text("Created"),
    ColDescription = "col.description" => text("Description"),
    ColActions = "col.actions" => text("Actions"),
    TableSizeUnknown = "table.size_unknown" => text("Known once the snapshot is complete"),
    ActionRestore = "action.restore" => text("Restore"),
    ActionDelete = "action.delete" => text("Delete"),
    ActionRestoreNamed = "action.restore_named" => text("Restore {name}"),
    ActionDeleteNamed = "action.delete_named" => text("Delete {name}"),
    StatusInProgress = "status.in_progress" => text("In progress"),
    StatusCompleted = "status.completed" => text("Completed"),
    StatusFailed = "status.failed" => text("Failed"),
    StatusUnknown = "status.unknown" => text("Unknown ({status})"),
    PagerRange = "pager.range" => text("{start}–{end} of {total}"),
    PagerLabel = "pager.label" => text("Pages"),
    PagerPrevious = "pager.previous" => text("Previous page"),
    PagerNext = "pager.next" => text("Next page"),
    QuotaLine = "quota.line" => text("{count} of {max} snapshots"),
    QuotaLimitReached = "quota.limit_reached" => text("Limit reached"),
    QuotaRestoring = "quota.restoring" => text("Restore started {age} (takes 5–15 min)"),
    QuotaUnit = "quota.unit" => text("snapshots"),
    QuotaSection = "quota.section" => text("Snapshots per server"),
    QuotaSummary = "quota.summary" => plural("Snapshots per server ({count} server)", "Snapshots per server ({count} servers)"),
}
