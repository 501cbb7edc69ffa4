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

/// The "other" form of an entry: the text itself, or a plural's other form.
macro_rules! other {
    (text($text:literal)) => {
        $text
    };
    (plural($one:literal, $other:literal)) => {
        $other
    };
}

/// The "one" form of a plural entry; none for a text.
macro_rules! one {
    (text($text:literal)) => {
        None
    };
    (plural($one:literal, $other:literal)) => {
        Some($one)
    };
}

macro_rules! keys {
    ($($variant:ident = $id:literal => $kind:ident($($text:literal),+),)*) => {
        /// A text of the console.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($variant,)*
        }

        // Tables indexed by the key, not matches: a match returning these builds each
        // answer in code, three times the bytes of the table in the wasm.
        const IDS: &[&str] = &[$($id,)*];
        const OTHER: &[&str] = &[$(other!($kind($($text),+)),)*];
        const ONE: &[Option<&str>] = &[$(one!($kind($($text),+)),)*];

        impl Key {
            /// Every key, in the order of the English table.
            pub const ALL: &'static [Key] = &[$(Key::$variant,)*];
        }
    };
}

impl Key {
    /// Its name in the locale files.
    pub fn id(self) -> &'static str {
        IDS[self as usize]
    }

    /// Its English text, which ships inside the wasm.
    pub fn en(self) -> English {
        let other = OTHER[self as usize];
        match ONE[self as usize] {
            Some(one) => English::Plural { one, other },
            None => English::Text(other),
        }
    }
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
    ActionCopyAs = "action.copy_as" => text("Copy as…"),
    CopyDone = "copy.done" => text("Copied as {form}. It reads the token from VPS_API_TOKEN."),
    CopyFailed = "copy.failed" => text("Nothing was copied: the browser refused the clipboard, or the connection failed."),
    CopyUnready = "copy.unready" => text("Correct the form first: the command is what Create would send."),
    ActionExport = "action.export" => text("Export"),
    ExportFailed = "export.failed" => text("The file could not be made. Check the connection and try again."),
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
    DialogCancel = "dialog.cancel" => text("Cancel"),
    CreateAdvice = "create.advice" => text("For a consistent snapshot, stop the server first: a snapshot of a running server may capture files mid-write."),
    CreateAnotherServer = "create.another_server" => text("Another server (enter its ID)…"),
    CreateServerId = "create.server_id" => text("Server ID"),
    CreateNameHelp = "create.name_help" => text("Letters, digits, hyphens and underscores; up to {max} characters."),
    CreateSubmit = "create.submit" => text("Create"),
    CreateMakeRoom = "create.make_room" => text("Delete {snapshot} first to make room"),
    CreateMakeRoomHint = "create.make_room_hint" => text("A failed snapshot goes first, else the oldest completed one. It is deleted for good; the new snapshot is created only once the API confirms the delete."),
    CreateDeleteAndCreate = "create.delete_and_create" => text("Delete and create"),
    CreatePending = "create.pending" => text("Creating…"),
    RestoreTitle = "restore.title" => text("Restore snapshot"),
    RestoreLede = "restore.lede" => text("Restore server {server} from snapshot {snapshot}, taken {taken}."),
    RestoreLost = "restore.lost" => text("Everything written to {server} since {taken} ({age}) will be lost."),
    RestoreOverwritten = "restore.overwritten" => text("All current data on the server is overwritten with the snapshot's."),
    RestoreStopped = "restore.stopped" => text("The server is stopped automatically before the restore begins."),
    RestoreUndo = "restore.undo" => text("This cannot be undone. It usually takes 5–15 minutes."),
    RestoreNewer = "restore.newer" => plural("{count} newer snapshot of this server will be kept, but the server will no longer match it.", "{count} newer snapshots of this server will be kept, but the server will no longer match them."),
    RestoreConfirm = "restore.confirm" => text("Type the server's name, {server}, to confirm"),
    RestorePending = "restore.pending" => text("Restoring…"),
    RestoreSafety = "restore.safety" => text("Snapshot the server's current state first"),
    RestoreSafetyHint = "restore.safety_hint" => text("The console creates {snapshot}, waits until it is completed (this can take minutes), then restores. If you cancel or close this tab before then, nothing is restored and the safety snapshot stays."),
    RestoreSafetyFull = "restore.safety_full" => text("No room for a safety snapshot: {server} has {count} of {max} snapshots."),
    RestoreSafetyRoom = "restore.safety_room" => text("To make room, delete one first, such as {snapshot}."),
    RestoreSafetyDescription = "restore.safety_description" => text("Taken before restoring {server} from {snapshot}"),
    RestoreSafetyPending = "restore.safety_pending" => text("Taking the safety snapshot…"),
    RestoreSafetyStarted = "restore.safety_started" => text("Taking the safety snapshot {snapshot}. The restore is sent once it is completed."),
    RestoreSafetyWaiting = "restore.safety_waiting" => text("Taking the safety snapshot {snapshot}: {minutes} min {seconds} s so far. The restore is sent once it is completed."),
    RestoreSafetyRefused = "restore.safety_refused" => text("The safety snapshot could not be created, so nothing was restored."),
    RestoreSafetyFailed = "restore.safety_failed" => text("The safety snapshot {snapshot} failed, so nothing was restored."),
    RestoreSafetyGone = "restore.safety_gone" => text("The safety snapshot {snapshot} is no longer listed, so nothing was restored."),
    RestoreSent = "restore.sent" => text("The restore of {server} from {snapshot} was already sent and cannot be called back. A notice will say how it ends."),
    CreateSent = "create.sent" => text("The create of {snapshot} was already sent and cannot be called back. A notice will say how it ends."),
    CreateRoomDeleteSent = "create.room_delete_sent" => text("The delete of {snapshot} was already sent and cannot be called back. No snapshot will be created."),
    CreateRoomChanged = "create.room_changed" => text("The list changed: {snapshot} is no longer the snapshot that would make room. Nothing was deleted; check the new choice and tick the box again."),
    DeleteKeptHidden = "delete.kept_hidden" => plural("{count} snapshot was not deleted: its delete was waiting to be sent when the page was hidden, and such deletes are never sent.", "{count} snapshots were not deleted: their deletes were waiting to be sent when the page was hidden, and such deletes are never sent."),
    RestoreSafetyCancelled = "restore.safety_cancelled" => text("Nothing was restored. The safety snapshot {snapshot} stays in the list."),
    DeleteTitle = "delete.title" => text("Delete snapshot"),
    DeleteLede = "delete.lede" => text("Delete snapshot {snapshot} of server {server}?"),
    DeletePermanent = "delete.permanent" => text("This is permanent: a deleted snapshot cannot be recovered."),
    DeleteInProgress = "delete.in_progress" => text("It is still being created: deleting it stops the creation."),
    DeleteUndoNote = "delete.undo_note" => text("After you confirm, you have 5 seconds to undo; only then is the snapshot deleted. If you hide or close this page or sign out before that, nothing is deleted."),
    TableDeletingIn = "table.deleting_in" => text("Deleting in {seconds} s"),
    ActionUndo = "action.undo" => text("Undo"),
    ActionUndoNamed = "action.undo_named" => text("Undo deleting {name}"),
    ColSelect = "col.select" => text("Select"),
    SelectRow = "select.row" => text("Select {name}"),
    SelectPage = "select.page" => text("Select all on this page"),
    SelectCount = "select.count" => plural("{count} selected", "{count} selected"),
    SelectDelete = "select.delete" => plural("Delete {count} snapshot", "Delete {count} snapshots"),
    SelectClear = "select.clear" => text("Clear selection"),
    BatchTitle = "batch.title" => text("Delete snapshots"),
    BatchLede = "batch.lede" => plural("This snapshot will be deleted for good:", "These {count} snapshots will be deleted for good:"),
    BatchMore = "batch.more" => plural("and {count} more", "and {count} more"),
    BatchUndoNote = "batch.undo_note" => text("After you confirm, you have 5 seconds to undo; then they are deleted one at a time. If you hide or close this page or sign out before that, nothing is deleted."),
    BatchWaiting = "batch.waiting" => plural("Deleting {count} snapshot in {seconds} s", "Deleting {count} snapshots in {seconds} s"),
    BatchUndo = "batch.undo" => text("Undo all"),
    BatchProgress = "batch.progress" => text("Deleting {done} of {total}…"),
    BatchDeleted = "batch.deleted" => plural("Deleted {count} snapshot.", "Deleted {count} snapshots."),
    BatchFailed = "batch.failed" => plural("{count} snapshot could not be deleted; the reason is on its row.", "{count} snapshots could not be deleted; the reasons are on their rows."),
    ToastRegion = "toast.region" => text("Notifications"),
    ToastDismiss = "toast.dismiss" => text("Dismiss notice"),
    NoticeReady = "notice.ready" => text("Snapshot {snapshot} of {server} is ready."),
    NoticeFailed = "notice.failed" => text("Snapshot {snapshot} of {server} failed."),
    NoticeStatus = "notice.status" => text("Snapshot {snapshot} of {server} is now {status}."),
    NoticeCreating = "notice.creating" => text("Creating {snapshot} of {server}."),
    NoticeRestoring = "notice.restoring" => text("{server} is restoring."),
    NoticeServerStatus = "notice.server_status" => text("{server} is {status}."),
    ServerRunning = "server_status.running" => text("running"),
    ServerStopped = "server_status.stopped" => text("stopped"),
    ServerRestoring = "server_status.restoring" => text("restoring"),
    NoticeDeleted = "notice.deleted" => text("Deleted snapshot {snapshot}."),
    NoticeAlreadyDeleted = "notice.already_deleted" => text("Snapshot {snapshot} was already deleted."),
    WhatLoad = "what.load" => text("load the snapshots"),
    WhatCreate = "what.create" => text("create the snapshot"),
    WhatRestore = "what.restore" => text("start the restore"),
    WhatDelete = "what.delete" => text("delete snapshot {snapshot}"),
    MaybeCreated = "maybe.created" => text("The snapshot may have been created all the same: the list is being refreshed, so check it before creating another."),
    MaybeRestored = "maybe.restored" => text("The restore may have started all the same; do not start it again until the server is back."),
    MaybeDeleted = "maybe.deleted" => text("It may have been deleted all the same: the list is being refreshed."),
    ErrorUnauthorized = "error.unauthorized" => text("The API refused the token, so nothing was changed. Try again."),
    ErrorNotFound = "error.not_found" => text("It no longer exists (the API answered 404)."),
    ErrorValidation = "error.validation" => text("The API did not accept the request."),
    ErrorField = "error.field" => text("{field}: {messages}"),
    ErrorRateLimited = "error.rate_limited" => text("The API is receiving too many requests. Try again in a moment."),
    ErrorRateLimitedFor = "error.rate_limited_for" => plural("The API is receiving too many requests. Try again in {count} second.", "The API is receiving too many requests. Try again in {count} seconds."),
    ErrorServer = "error.server" => text("The API failed while trying to {what} (error {status}). Nothing on screen was changed; try again shortly."),
    ErrorStatus = "error.status" => text("Could not {what}: the API answered with an unexpected status ({status})."),
    ErrorUndecodable = "error.undecodable" => text("Could not {what}: the API's answer (status {status}) was not in the expected format. What is on screen was kept."),
    ErrorTransport = "error.transport" => text("Could not reach the API to {what}. Check the connection and try again."),
    ErrorVetoed = "error.vetoed" => text("Could not {what}: this page does not allow it. Nothing was sent."),
    ErrorVetoedBecause = "error.vetoed-because" => text("Could not {what}: {reason} Nothing was sent."),
    ErrorRedirected = "error.redirected" => text("Could not {what}: the API's address answered with a redirect. The console never follows one, so the token stays with the configured API; check the address it is configured with."),
    ErrorInvalidUrl = "error.invalid_url" => text("Could not {what}: the API's answer pointed somewhere other than the configured API, so the console sent nothing there."),
    ErrorTimeout = "error.timeout" => text("The API did not answer within {seconds} seconds, so the console stopped waiting to {what}. Try again shortly."),
    ErrorNoServer = "error.no_server" => text("There is no server with ID {server} (the API answered 404)."),
    ErrorRestoreGone = "error.restore_gone" => text("This snapshot no longer exists, so there is nothing to restore from. It has been taken off the list."),
    ErrorRestoreState = "error.restore_state" => text("The API refused the restore because the server is not in a state that allows one:"),
    RuleLimit = "rule.limit" => text("Snapshot limit reached: {server} already has {count} of {max} snapshots. Delete one before creating another."),
    RuleCreateRestoring = "rule.create_restoring" => text("{server} is being restored from a snapshot; create a snapshot once the restore has finished."),
    RuleInProgress = "rule.in_progress" => text("Snapshot {snapshot} is still being created; it can be restored once it has completed."),
    RuleNotCompleted = "rule.not_completed" => text("Snapshot {snapshot} cannot be restored ({status}); only completed snapshots can be restored."),
    RuleServerRestoring = "rule.server_restoring" => text("{server} is already being restored; wait for that restore to finish."),
    InvalidNameEmpty = "invalid.name_empty" => text("Enter a name."),
    InvalidNameLong = "invalid.name_long" => text("Use at most {max} characters (this name has {len})."),
    InvalidNameCharacter = "invalid.name_character" => text("Use only letters, digits, hyphens (-) and underscores (_); {character} is not allowed."),
    CharacterSpace = "character.space" => text("a space"),
    CharacterWhitespace = "character.whitespace" => text("a whitespace character"),
    CharacterControl = "character.control" => text("the control character {code}"),
    InvalidDescriptionLong = "invalid.description_long" => text("Use at most {max} characters (this description has {len})."),
    InvalidServerId = "invalid.server_id" => text("Enter a server ID: a whole number from 1 up."),
    InvalidToken = "invalid.token" => text("The API token is empty or contains spaces or other characters a token cannot have."),
    InvalidBaseUrl = "invalid.base_url" => text("The API base URL must be an http(s) URL (or a path starting with /) without user name, query, fragment, spaces or backslashes."),
    SetupMounts = "setup.mounts" => plural("This page has {count} console element; the console runs in exactly one, so it has not started here.", "This page has {count} console elements; the console runs in exactly one, so it has not started here."),
    SetupAddress = "setup.address" => text("The page's address cannot be read, so the console has not started."),
    SetupApiBase = "setup.api_base" => text("The configured API base URL \"{base}\" is not usable:"),
    SetupServer = "setup.server" => text("The configured server \"{server}\" is not usable:"),
    SetupIdempotency = "setup.idempotency" => text("The idempotency-keys setting \"{value}\" must be true or false."),
    SetupTheme = "setup.theme" => text("The theme setting \"{value}\" must be auto, light or dark."),
    SetupNotStarted = "setup.not_started" => text("The console has not started."),
    SetupNoToken = "setup.no_token" => text("The console has not started, so no token is sent anywhere."),
    SetupHelp = "setup.help" => text("Whoever set up this page can fix the setting (data-api-base, data-server-id or data-idempotency-keys on the console's element, or the snapshot-console meta tags)."),
}
