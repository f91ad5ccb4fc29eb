//! Fixed, obviously fake test credentials the sandbox accepts: Zoom's (its OAuth app, tokens
//! and users) and how a credential names a tenant. An API-key provider's key is in its own
//! module (`providers::<p>::API_KEY`, handed out by its `HANDOUT`; [`crate::handout`]).
//!
//! `env()` on a running sandbox hands these out under the names meetkit reads.

/// Zoom Server-to-Server OAuth account id.
pub const ZOOM_ACCOUNT_ID: &str = "sandbox_zoom_account";
/// Zoom Server-to-Server OAuth client id.
pub const ZOOM_CLIENT_ID: &str = "sandbox_zoom_client_id";
/// Zoom Server-to-Server OAuth client secret.
pub const ZOOM_CLIENT_SECRET: &str = "sandbox_zoom_client_secret";
/// A static Zoom access token, accepted besides minted ones (for `ZOOM_ACCESS_TOKEN`-style use).
pub const ZOOM_ACCESS_TOKEN: &str = "sandbox_zoom_access_token";
/// A static Zoom access token of a free (Basic) account: accepted, but the report answers
/// 400 code 200 ("only available for paid accounts"), so that error is reachable.
pub const ZOOM_FREE_ACCOUNT_ACCESS_TOKEN: &str = "sandbox_zoom_free_account_access_token";
/// A static Zoom access token of an app without the `user:read:admin` scope: the report
/// works, `GET /users` answers 400 code 4711.
pub const ZOOM_REPORT_ONLY_ACCESS_TOKEN: &str = "sandbox_zoom_report_only_access_token";

/// The Zoom account's first user (`me`, active); she hosts a share of the meetings, the
/// account's other users (`data::zoom_users`) the rest.
pub const ZOOM_USER_ID: &str = "sAnDb0xUsEr7QgePTO8WbQ";
/// The first user's email (also accepted as `userId`).
pub const ZOOM_USER_EMAIL: &str = "ada.lovelace@sandbox.example.com";
/// The first user's display name.
pub const ZOOM_USER_NAME: &str = "Ada Lovelace";

/// Separates a credential from the tenant it selects: `sandbox_daily_api_key~acme` is tenant
/// `acme`'s Daily key (see `tenants`). Credentials without it are the default tenant's.
pub const TENANT_SEPARATOR: char = '~';

/// `credential` for tenant `tenant` (`None`: the default tenant's, unchanged).
pub fn for_tenant(credential: &str, tenant: Option<&str>) -> String {
    match tenant {
        Some(name) => format!("{credential}{TENANT_SEPARATOR}{name}"),
        None => credential.to_owned(),
    }
}
