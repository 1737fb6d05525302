//! What of a connection string may be shown: [`redact`] for Settings, logs
//! and `sync status`, and [`Secrets`] to scrub from the driver's messages.
//!
//! A connection string is outside input (typed, pasted, from
//! `WAYMARK_SYNC_URI`) and need not be well formed, so the masking does not
//! trust any one reading of it: the whole userinfo goes (up to the last `@`,
//! even when a password holds a `/`, `?` or `:` it should have
//! percent-encoded), every value of a secret option goes
//! (`authMechanismProperties`, `…password…`, `…token…`, `…secret…`), and
//! whatever the driver's own parser reads as a secret — the password and each
//! mechanism property, decoded — is scrubbed from what is left, in its
//! encoded and decoded forms.

use mongodb::bson::Bson;
use mongodb::options::ConnectionString;

/// What replaces a secret.
const MASK: &str = "***";

/// Option names (lower case) whose values are secret wherever they appear in the name.
const SECRET_OPTIONS: [&str; 4] = ["password", "authmechanismproperties", "token", "secret"];

/// The pieces of a connection string that must never be shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Secrets(Vec<String>);

impl Secrets {
    /// The secrets of `uri`: its userinfo and the pieces of it, the values of
    /// its secret options, and what the driver reads as the password and the
    /// mechanism properties — each encoded and percent-decoded.
    pub(crate) fn of(uri: &str) -> Self {
        let mut found = Vec::new();
        if let Some((_, rest)) = uri.split_once("://")
            && let Some(at) = rest.rfind('@')
        {
            let userinfo = &rest[..at];
            found.push(userinfo.to_string());
            found.extend(userinfo.split([':', '/', '?', '#', '@', '[', ']']).map(str::to_string));
        }
        for (_, value) in secret_options(uri) {
            found.push(value.to_string());
            found.extend(decoded(value).split([',', ':']).map(str::to_string));
        }
        if let Ok(parsed) = ConnectionString::parse(uri)
            && let Some(credential) = parsed.credential
        {
            found.extend(credential.password);
            if let Some(properties) = credential.mechanism_properties {
                found.extend(properties.into_iter().filter_map(|(_, v)| match v {
                    Bson::String(s) => Some(s),
                    _ => None,
                }));
            }
        }
        let mut all: Vec<String> =
            found.iter().flat_map(|s| [s.clone(), decoded(s)]).filter(|s| s.len() >= 2).collect();
        // Longest first, so a secret is not half-masked by a piece of it.
        all.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        all.dedup();
        Self(all)
    }

    /// `text` with every secret replaced by `***`.
    pub(crate) fn scrub(&self, text: &str) -> String {
        self.0.iter().fold(text.to_string(), |out, s| out.replace(s.as_str(), MASK))
    }
}

/// A connection string safe to show: the whole userinfo (user and password)
/// and every secret option value replaced by `***`, and nothing the driver
/// reads as a secret left anywhere in it. Not a URI at all: `***`.
pub fn redact(uri: &str) -> String {
    let Some((scheme, rest)) = uri.split_once("://") else { return MASK.to_string() };
    let rest = match rest.rfind('@') {
        Some(at) => format!("{MASK}@{}", &rest[at + 1..]),
        None => rest.to_string(),
    };
    let masked = match rest.split_once('?') {
        Some((head, query)) => {
            let options: Vec<String> = query
                .split('&')
                .map(|kv| match kv.split_once('=') {
                    Some((k, _)) if is_secret_option(k) => format!("{k}={MASK}"),
                    _ => kv.to_string(),
                })
                .collect();
            format!("{head}?{}", options.join("&"))
        }
        None => rest,
    };
    format!("{scheme}://{}", Secrets::of(uri).scrub(&masked))
}

fn is_secret_option(name: &str) -> bool {
    let name = decoded(name).to_ascii_lowercase();
    SECRET_OPTIONS.iter().any(|s| name.contains(s))
}

/// The `(name, value)` options of `uri` whose values are secret.
fn secret_options(uri: &str) -> Vec<(&str, &str)> {
    let Some((_, query)) = uri.rsplit_once('@').map_or(uri, |(_, after)| after).split_once('?') else {
        return Vec::new();
    };
    query.split('&').filter_map(|kv| kv.split_once('=')).filter(|(k, _)| is_secret_option(k)).collect()
}

/// `text` percent-decoded (as the driver decodes userinfo and options);
/// bytes that do not decode are kept as they are.
fn decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) =
                (bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b)))
        {
            out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every case the review found, and the ones that always worked.
    #[test]
    fn no_secret_survives_redaction() {
        let cases = [
            (
                "mongodb://ann:s3cr%40t@h1:27017,h2/waymark?tls=true",
                "mongodb://***@h1:27017,h2/waymark?tls=true",
                "s3cr",
            ),
            ("mongodb+srv://ann:pw@cluster0.example.net/", "mongodb+srv://***@cluster0.example.net/", "pw"),
            (
                "mongodb://h:1/?tlsCertificateKeyFilePassword=zz&w=1",
                "mongodb://h:1/?tlsCertificateKeyFilePassword=***&w=1",
                "zz",
            ),
            ("mongodb://ann:pa/ss@host/db", "mongodb://***@host/db", "pa/ss"),
            ("mongodb://ann:pa?ss@host/db", "mongodb://***@host/db", "pa?ss"),
            ("mongodb://ann:p:a:ss@host/db", "mongodb://***@host/db", "p:a:ss"),
            (
                "mongodb://AKIA:sec@h/db?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:tok3n",
                "mongodb://***@h/db?authMechanism=MONGODB-AWS&authMechanismProperties=***",
                "tok3n",
            ),
            (
                "mongodb://h/db?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN%3Atok3n",
                "mongodb://h/db?authMechanism=MONGODB-AWS&authMechanismProperties=***",
                "tok3n",
            ),
            ("mongodb://ann@h", "mongodb://***@h", "ann"),
            ("mongodb://h", "mongodb://h", ""),
            ("ann:pw@h", "***", "pw"),
        ];
        for (uri, want, secret) in cases {
            let shown = redact(uri);
            assert_eq!(shown, want, "{uri}");
            assert!(secret.is_empty() || !shown.contains(secret), "{uri} shows {secret}");
        }
    }

    #[test]
    fn the_drivers_reading_of_the_secrets_is_scrubbed_encoded_and_decoded() {
        let secrets = Secrets::of("mongodb://ann:s3cr%40t@h/db?authMechanismProperties=AWS_SESSION_TOKEN:tok3n");
        let message = "auth failed for ann with s3cr@t (s3cr%40t), token tok3n";
        assert_eq!(secrets.scrub(message), "auth failed for *** with *** (***), token ***");
        // A driver error quoting the "port" of a password with a slash in it.
        let secrets = Secrets::of("mongodb://ann:pa/ss@host/db");
        assert_eq!(secrets.scrub("invalid port number: \"pa\""), "invalid port number: \"***\"");
        assert_eq!(Secrets::of("mongodb://h/x"), Secrets::default());
    }
}
