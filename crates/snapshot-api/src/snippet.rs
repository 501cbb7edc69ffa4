//! A request as a script: the three forms the API page teaches (curl, Python's `requests`,
//! JavaScript's `fetch`), in the page's own shape, built from the very [`http::Request`] the
//! console sends. The token never appears: each form reads it from the environment variable
//! [`TOKEN_VARIABLE`].

use std::fmt::Write as _;

use http::Request;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// The environment variable each snippet reads the API token from.
pub const TOKEN_VARIABLE: &str = "VPS_API_TOKEN";

/// A form of a snippet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnippetLanguage {
    /// A `curl` command for a POSIX shell.
    Curl,
    /// Python with `requests`.
    Python,
    /// JavaScript with `fetch` (Node 18+ or a browser module).
    JavaScript,
}

impl SnippetLanguage {
    /// Every form, in the API page's order.
    pub const ALL: [SnippetLanguage; 3] = [Self::Curl, Self::Python, Self::JavaScript];

    /// The form's name as the API page's tabs show it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Curl => "cURL",
            Self::Python => "Python",
            Self::JavaScript => "JavaScript",
        }
    }
}

/// `request` as a script in `language`: its method, URL, headers and body, with the
/// `Authorization` header's token read from [`TOKEN_VARIABLE`].
pub fn snippet(request: &Request<Vec<u8>>, language: SnippetLanguage) -> String {
    let url = request.uri().to_string();
    let headers: Vec<_> = request
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap_or_default()))
        .collect();
    snippet_from_parts(
        request.method().as_str(),
        &url,
        &headers,
        request.body(),
        language,
    )
}

/// [`snippet`] for a request given as its parts, as the console passes them to the code it
/// loads on first use (which then needs neither `http`'s header tables nor a `Request`):
/// `headers` as (name, value) pairs in order; an `Authorization` header among them is left out
/// for the one that reads [`TOKEN_VARIABLE`].
pub fn snippet_from_parts(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    language: SnippetLanguage,
) -> String {
    let call = Call::new(method, url, headers, body);
    match language {
        SnippetLanguage::Curl => call.curl(),
        SnippetLanguage::Python => call.python(),
        SnippetLanguage::JavaScript => call.javascript(),
    }
}

/// What a snippet says, read from the request.
struct Call<'a> {
    method: &'a str,
    /// The whole URL, as sent.
    url: &'a str,
    /// The URL without its query (Python passes the query as `params`).
    path: &'a str,
    /// The query's pairs, in order.
    query: Vec<(&'a str, &'a str)>,
    /// The snapshot's ID where the URL names one (`…/snapshots/801/…`), and the text before
    /// and after it.
    id: Option<(&'a str, &'a str, &'a str)>,
    /// Headers but `Authorization`, in the request's order, named as the page writes them.
    headers: Vec<(String, &'a str)>,
    /// The JSON body's fields, in order.
    body: Option<Vec<(String, Scalar)>>,
}

impl<'a> Call<'a> {
    fn new(method: &'a str, url: &'a str, headers: &[(&str, &'a str)], body: &[u8]) -> Self {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let query = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
            .collect();
        let id = path.find("/snapshots/").and_then(|at| {
            let start = at + "/snapshots/".len();
            let digits = path[start..]
                .find('/')
                .map(|len| &path[start..start + len])?;
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| (&path[..start], digits, &path[start + digits.len()..]))
        });
        let headers = headers
            .iter()
            .filter(|(name, _)| !name.eq_ignore_ascii_case("authorization"))
            .map(|&(name, value)| (canonical(name), value))
            .collect();
        let body = (!body.is_empty())
            .then(|| serde_json::from_slice::<Fields>(body).ok())
            .flatten()
            .map(|fields| fields.0);
        Self {
            method,
            url,
            path,
            query,
            id,
            headers,
            body,
        }
    }

    fn curl(&self) -> String {
        let mut out = format!("curl -X {} {}", self.method, shell_word(self.url));
        let _ = write!(out, " \\\n  -H \"Authorization: Bearer ${TOKEN_VARIABLE}\"");
        for (name, value) in &self.headers {
            let _ = write!(out, " \\\n  -H {}", shell_word(&format!("{name}: {value}")));
        }
        if let Some(fields) = &self.body {
            let json = object(fields, "    ", "  ", json_string, json_string);
            let _ = write!(out, " \\\n  -d {}", shell_single(&json));
        }
        out
    }

    fn python(&self) -> String {
        let mut out = String::from("import os\nimport requests\n\n");
        let url = match &self.id {
            Some((before, id, after)) => {
                let _ = writeln!(out, "snapshot_id = {id}");
                format!(
                    "f{}",
                    json_string(&format!(
                        "{}{{snapshot_id}}{}",
                        braces(before),
                        braces(after)
                    ))
                )
            }
            None => json_string(self.path),
        };
        let _ = writeln!(out, "url = {url}");
        out.push_str("headers = {\n");
        let _ = write!(
            out,
            "    \"Authorization\": f\"Bearer {{os.environ['{TOKEN_VARIABLE}']}}\""
        );
        for (name, value) in &self.headers {
            let _ = write!(out, ",\n    {}: {}", json_string(name), json_string(value));
        }
        out.push_str("\n}\n");
        let mut arguments = String::from("url, headers=headers");
        if !self.query.is_empty() {
            let pairs: Vec<_> = self
                .query
                .iter()
                .map(|(k, v)| format!("{}: {}", json_string(k), python_query_value(v)))
                .collect();
            let _ = writeln!(out, "params = {{{}}}", pairs.join(", "));
            arguments.push_str(", params=params");
        }
        if let Some(fields) = &self.body {
            let data = object(fields, "    ", "", json_string, json_string);
            let _ = writeln!(out, "data = {data}");
            arguments.push_str(", json=data");
        }
        let function = self.method.to_ascii_lowercase();
        let shown = match self.method {
            "DELETE" => "response.status_code",
            _ => "response.json()",
        };
        let _ = write!(
            out,
            "\nresponse = requests.{function}({arguments})\nprint({shown})"
        );
        out
    }

    fn javascript(&self) -> String {
        let mut out = String::new();
        let url = match &self.id {
            Some((before, id, after)) => {
                let _ = writeln!(out, "const snapshotId = {id};");
                format!(
                    "`{}${{snapshotId}}{}`",
                    template_text(before),
                    template_text(after)
                )
            }
            None => js_string(self.url),
        };
        let _ = write!(
            out,
            "const response = await fetch({url}, {{\n  method: {},\n  headers: {{\n    'Authorization': `Bearer ${{process.env.{TOKEN_VARIABLE}}}`",
            js_string(self.method)
        );
        for (name, value) in &self.headers {
            let _ = write!(out, ",\n    {}: {}", js_string(name), js_string(value));
        }
        out.push_str("\n  }");
        if let Some(fields) = &self.body {
            let body = object(fields, "    ", "  ", js_key, js_string);
            let _ = write!(out, ",\n  body: JSON.stringify({body})");
        }
        out.push_str("\n});\n\n");
        let shown = match (self.method, &self.id) {
            ("DELETE", _) => "console.log(response.status);".to_owned(),
            ("GET", _) => {
                "const snapshots = await response.json();\nconsole.log(snapshots);".to_owned()
            }
            (_, Some(_)) => {
                "const result = await response.json();\nconsole.log(result);".to_owned()
            }
            _ => "const snapshot = await response.json();\nconsole.log(snapshot);".to_owned(),
        };
        out.push_str(&shown);
        out
    }
}

/// A JSON object's fields in the order they came. The API's bodies hold numbers and strings
/// only; `serde_json::Value` would cost the console's wasm its map and float code.
struct Fields(Vec<(String, Scalar)>);

/// A body field's value.
enum Scalar {
    Number(u64),
    Text(String),
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Ordered;
        impl<'de> Visitor<'de> for Ordered {
            type Value = Fields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(field) = map.next_entry()? {
                    fields.push(field);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(Ordered)
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either;
        impl Visitor<'_> for Either {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or a string")
            }
            fn visit_u64<E>(self, n: u64) -> Result<Scalar, E> {
                Ok(Scalar::Number(n))
            }
            fn visit_str<E>(self, text: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(text.to_owned()))
            }
        }
        deserializer.deserialize_any(Either)
    }
}

/// `{`, one field a line at `indent`, `}` at `close`.
fn object(
    fields: &[(String, Scalar)],
    indent: &str,
    close: &str,
    key: fn(&str) -> String,
    text: fn(&str) -> String,
) -> String {
    let lines: Vec<_> = fields
        .iter()
        .map(|(k, v)| {
            let value = match v {
                Scalar::Number(n) => n.to_string(),
                Scalar::Text(t) => text(t),
            };
            format!("{indent}{}: {value}", key(k))
        })
        .collect();
    format!("{{\n{}\n{close}}}", lines.join(",\n"))
}

/// `HeaderName` is lower case; the page writes `Content-Type`.
fn canonical(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A word for a POSIX shell: in double quotes as the page writes it where nothing in it is
/// special there, in single quotes otherwise.
fn shell_word(text: &str) -> String {
    if text.contains(['"', '$', '`', '\\', '!']) {
        shell_single(text)
    } else {
        format!("\"{text}\"")
    }
}

/// `text` in single quotes, where a shell reads every byte as itself but `'`.
fn shell_single(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// A JSON string literal, which Python reads as the same string.
fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Doubles an f-string's braces.
fn braces(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// A query value as the page writes it: a number as a number.
fn python_query_value(value: &str) -> String {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        value.to_owned()
    } else {
        json_string(value)
    }
}

/// A JavaScript string in single quotes, as the page writes them.
fn js_string(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Text inside a template literal.
fn template_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('`', "\\`")
        .replace("${", "\\${")
}

/// An object key, bare where it is an identifier.
fn js_key(key: &str) -> String {
    let mut chars = key.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        key.to_owned()
    } else {
        js_string(key)
    }
}
