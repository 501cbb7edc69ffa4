use std::path::Path;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Method};
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};
use axum::Router;
use tower::util::option_layer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::handlers::{snapshot_create, snapshot_delete, snapshot_list, snapshot_restore};
use crate::{auth, control, AppState, Config, SimError, MAX_BODY_BYTES};

/// The whole app: the API under `/api/v1`, and the console's files at `/` when configured.
pub fn router(state: AppState, config: &Config) -> Router {
    let api = Router::new()
        .route("/v1/snapshots/", get(snapshot_list).post(snapshot_create))
        .route("/v1/snapshots/{snapshot_id}/", delete(snapshot_delete))
        .route(
            "/v1/snapshots/{snapshot_id}/restore/",
            post(snapshot_restore),
        )
        // Only on matched routes, so an unknown path is a 404 whatever the token.
        .route_layer(from_fn_with_state(state.clone(), auth::require_token))
        // The contract, readable without a token (added after the auth layer on purpose).
        .route("/v1/openapi.yaml", get(openapi))
        .method_not_allowed_fallback(|method: Method| async move {
            SimError::MethodNotAllowed(method.to_string())
        })
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Faults come before authentication, as a failing proxy's would.
        .layer(from_fn_with_state(state.clone(), control::inject))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(option_layer(cors(&config.cors_origins)))
        .with_state(state.clone());
    let app = Router::new()
        .nest("/api", api)
        .nest("/_sim", control::routes(state));
    let app = match &config.console_dir {
        Some(dir) => app.fallback_service(console_files(dir, &config.frame_ancestors)),
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

/// The repository's OpenAPI document of the API.
async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/yaml")],
        include_str!("../../../docs/openapi.yaml"),
    )
}

/// The console's files, with the Content-Security-Policy that `cargo xtask dist` wrote to
/// `csp.txt` (plus `frame-ancestors`, which only works as a header), and `no-cache` so a new
/// `index.html` is never paired with old assets.
fn console_files(dir: &Path, frame_ancestors: &[String]) -> Router {
    let ancestors = if frame_ancestors.is_empty() {
        "'none'".to_owned()
    } else {
        frame_ancestors.join(" ")
    };
    let policy = std::fs::read_to_string(dir.join("csp.txt"))
        .ok()
        .and_then(|p| {
            HeaderValue::from_str(&format!("{}; frame-ancestors {ancestors}", p.trim())).ok()
        });
    let files = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
    Router::new()
        .fallback_service(files)
        .layer(option_layer(policy.map(|p| {
            SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, p)
        })))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
}

async fn not_found() -> impl IntoResponse {
    SimError::NotFound("Not found.".to_owned())
}

fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let origins = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.trim_end_matches('/')).ok());
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT])
            .expose_headers([header::RETRY_AFTER])
            .max_age(std::time::Duration::from_secs(600)),
    )
}
