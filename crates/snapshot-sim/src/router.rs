use std::path::{Path, PathBuf};

use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use axum::routing::{get, on, MethodFilter, MethodRouter};
use axum::Router;
use tower::util::option_layer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::handlers::{snapshot_create, snapshot_delete, snapshot_list, snapshot_restore};
use crate::operations::{Operation, API_PREFIX, ROUTES};
use crate::{
    auth, body_limit, console_cache, control, idempotency, origin, AppState, Config, SimError,
    StartError,
};

/// The parts of the router that come from the command line, checked before anything starts.
pub struct Edges {
    cors: Option<CorsLayer>,
    /// The console's folder and the full Content-Security-Policy to send with it.
    console: Option<(PathBuf, HeaderValue)>,
}

impl Edges {
    pub fn check(config: &Config) -> Result<Self, StartError> {
        for ancestor in &config.frame_ancestors {
            origin::frame_ancestor(ancestor).map_err(StartError::Config)?;
        }
        let console = match &config.console_dir {
            Some(dir) => Some((dir.clone(), console_policy(dir, &config.frame_ancestors)?)),
            None => None,
        };
        Ok(Self {
            cors: cors(&config.cors_origins)?,
            console,
        })
    }
}

/// The whole app: the API under `/api/v1`, and the console's files at `/` when configured.
pub fn router(state: AppState, edges: Edges) -> Router {
    // Each operation from the one table that fault injection also reads; routes sharing a
    // path merge into one, so a wrong method there is still a 405.
    let api = ROUTES.iter().fold(Router::new(), |api, route| {
        let filter = MethodFilter::try_from(route.method.clone())
            .expect("the API uses standard methods only");
        api.route(route.path, handler(route.operation, filter))
    });
    let api = api
        // Only on matched routes, so an unknown path is a 404 whatever the token.
        .route_layer(from_fn_with_state(state.clone(), auth::require_token))
        // The contract, readable without a token (added after the auth layer on purpose).
        .route("/v1/openapi.yaml", get(openapi))
        .method_not_allowed_fallback(|method: Method| async move {
            SimError::MethodNotAllowed(method.to_string())
        })
        .fallback(not_found)
        .layer(from_fn(body_limit::limit_body))
        // Faults come before authentication, as a failing proxy's would.
        .layer(from_fn_with_state(state.clone(), control::inject))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(option_layer(edges.cors))
        .with_state(state.clone());
    let app = Router::new()
        .nest(API_PREFIX, api)
        .nest("/_sim", control::routes(state));
    let app = match edges.console {
        Some((dir, policy)) => app.fallback_service(console_files(&dir, policy)),
        None => app.fallback(not_found),
    };
    let app = app
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ));
    // One line per request: method, path and status; never headers, so never the token.
    app.layer(
        TraceLayer::new_for_http()
            .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
            .on_response(DefaultOnResponse::new().level(Level::INFO)),
    )
}

/// The handler of `operation`, for requests that pass `filter`.
fn handler(operation: Operation, filter: MethodFilter) -> MethodRouter<AppState> {
    match operation {
        Operation::SnapshotList => on(filter, snapshot_list),
        Operation::SnapshotCreate => on(filter, snapshot_create),
        Operation::SnapshotRestore => on(filter, snapshot_restore),
        Operation::SnapshotDelete => on(filter, snapshot_delete),
    }
}

/// The repository's OpenAPI document of the API.
async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/yaml")],
        include_str!("../../../docs/openapi.yaml"),
    )
}

/// The console's Content-Security-Policy: what `cargo xtask dist` wrote to `csp.txt`, plus
/// `frame-ancestors` (which only works as a header). Without a readable, non-empty policy the
/// simulator does not start: serving the console with no policy at all would fail open.
fn console_policy(dir: &Path, frame_ancestors: &[String]) -> Result<HeaderValue, StartError> {
    let ancestors = if frame_ancestors.is_empty() {
        "'none'".to_owned()
    } else {
        frame_ancestors.join(" ")
    };
    let path = dir.join("csp.txt");
    let policy = std::fs::read_to_string(&path).map_err(|e| {
        StartError::Config(format!(
            "cannot read the console's Content-Security-Policy from {} ({e}); \
             `cargo xtask dist` writes it beside index.html",
            path.display()
        ))
    })?;
    let policy = policy.trim().trim_end_matches(';');
    if policy.is_empty() {
        return Err(StartError::Config(format!("{} is empty", path.display())));
    }
    HeaderValue::from_str(&format!("{policy}; frame-ancestors {ancestors}")).map_err(|_| {
        StartError::Config(format!(
            "{} is not a valid header value (one line of visible ASCII)",
            path.display()
        ))
    })
}

/// The console's files, with its Content-Security-Policy, and each with how long a browser
/// may keep it (`console_cache`).
fn console_files(dir: &Path, policy: HeaderValue) -> Router {
    // `cargo xtask dist` writes `.br` and `.gz` beside each file; sent when the browser
    // accepts them, the plain file otherwise.
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    Router::new()
        .fallback_service(files)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            policy,
        ))
        .layer(from_fn_with_state(
            dir.to_path_buf(),
            console_cache::cache_control,
        ))
}

async fn not_found() -> impl IntoResponse {
    SimError::NotFound("Not found.".to_owned())
}

/// The CORS layer for the `--cors-origin` list; an origin that is not one stops the start.
fn cors(origins: &[String]) -> Result<Option<CorsLayer>, StartError> {
    if origins.is_empty() {
        return Ok(None);
    }
    let origins = origins
        .iter()
        .map(|o| origin::cors_origin(o))
        .collect::<Result<Vec<_>, _>>()
        .map_err(StartError::Config)?;
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::ACCEPT,
                HeaderName::from_static(idempotency::KEY_HEADER),
            ])
            .expose_headers([
                header::RETRY_AFTER,
                HeaderName::from_static(idempotency::REPLAYED_HEADER),
            ])
            .max_age(std::time::Duration::from_secs(600)),
    ))
}
