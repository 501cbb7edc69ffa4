//! The one place that turns an [`ApiError`] into what the user reads.

use snapshot_api::ApiError;

/// A plain sentence for `error`; `what` names the action ("load the snapshots").
pub fn describe(error: &ApiError, what: &str) -> String {
    match error {
        ApiError::Unauthorized { .. } => {
            "The API refused the token: it may be wrong, expired or revoked. Sign in again."
                .to_owned()
        }
        ApiError::NotFound { detail } => {
            with_detail("It no longer exists (the API answered 404).", detail)
        }
        ApiError::Validation { fields, non_field } => {
            let mut parts: Vec<String> = fields
                .iter()
                .map(|(field, messages)| format!("{}: {}", field_label(field), messages.join(" ")))
                .collect();
            parts.extend(non_field.iter().cloned());
            format!("The API did not accept the request. {}", parts.join(" "))
        }
        ApiError::LimitReached { detail } | ApiError::InvalidState { detail } => detail.clone(),
        ApiError::RateLimited { retry_after } => match retry_after {
            Some(snapshot_api::RetryAfter::Seconds(s)) => format!(
                "The API is receiving too many requests. Try again in {s} seconds."
            ),
            _ => "The API is receiving too many requests. Try again in a moment.".to_owned(),
        },
        ApiError::Server { status, .. } => format!(
            "The API failed while trying to {what} (error {status}). Nothing on screen was changed; try again shortly."
        ),
        ApiError::UnexpectedStatus { status, detail } => with_detail(
            &format!("Could not {what}: the API answered with an unexpected status ({status})."),
            detail,
        ),
        ApiError::Undecodable { status, .. } => format!(
            "Could not {what}: the API's answer (status {status}) was not in the expected format. What is on screen was kept."
        ),
        ApiError::Transport { .. } => format!(
            "Could not reach the API to {what}. Check the connection and try again. (A redirect also ends here: the console never follows one, so the token stays with the configured API.)"
        ),
        ApiError::InvalidUrl { .. } => format!(
            "Could not {what}: the API's answer pointed somewhere other than the configured API, so the console sent nothing there."
        ),
        ApiError::Timeout { seconds } => format!(
            "The API did not answer within {seconds} seconds, so the console stopped waiting to {what}. Try again shortly."
        ),
    }
}

/// The label of a request field, as the create form shows it.
pub fn field_label(field: &str) -> &str {
    match field {
        "server_id" => "Server",
        "name" => "Name",
        "description" => "Description",
        other => other,
    }
}

fn with_detail(sentence: &str, detail: &Option<String>) -> String {
    match detail {
        Some(d) if !d.trim().is_empty() => format!("{sentence} {d}"),
        _ => sentence.to_owned(),
    }
}
