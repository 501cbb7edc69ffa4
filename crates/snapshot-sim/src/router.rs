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
use crate::{auth, AppState, Config, SimError, MAX_BODY_BYTES};

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
        .method_not_allowed_fallback(|method: Method| async move {
            SimError::MethodNotAllowed(method.to_string())
        })
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(option_layer(cors(&config.cors_origins)))
        .with_state(state);
    let app = Router::new().nest("/api", api);
    let app = match &config.console_dir {
        Some(dir) => app
            .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        None => app.fallback(not_found),
    };
    // One line per request: method, path and status; never headers, so never the token.
    app.layer(
        TraceLayer::new_for_http()
            .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
            .on_response(DefaultOnResponse::new().level(Level::INFO)),
    )
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
