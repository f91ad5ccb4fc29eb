//! Zoom's users (`GET /users`): whom an account-wide Zoom listing asks reports for.
//!
//! Planning lists the account's users of the configured statuses (one status per listing, as
//! Zoom serves them), 300 a page, chained by `next_page_token`, under the Medium rate limit
//! (its own gates: the report's Heavy limit is separate) with the same retries as pages. A
//! user is named by its id; pending users come without one, so by their email, which Zoom's
//! report also takes.

use std::num::NonZeroU64;
use std::sync::Arc;

use meetkit_client_support::Auth;
use meetkit_zoom::Client;
use meetkit_zoom::open_enums::ZoomUserStatus;
use meetkit_zoom::types::ZoomUserList;

use crate::error::{Failure, ProviderError, ProviderErrorKind, Scope};
use crate::model::Provider;
use crate::providers::zoom::TokenMinter;
use crate::providers::{non_empty, send};
use crate::ratelimit::Gates;
use crate::retry::{Attempts, RetryOptions};

/// The operation's id, for errors.
pub const OPERATION: &str = "list_users";
/// Users asked for per page: Zoom's documented maximum.
const PAGE_SIZE: u64 = 300;
/// Guards against a users listing that pages forever.
const MAX_PAGES: usize = 100_000;

/// What listing an account's users needs.
pub(crate) struct UserLister {
    /// The API client (its `Auth` is `auth`).
    pub client: Client,
    /// The account's access token, minted by `minter`.
    pub auth: Auth,
    /// Mints the access token (Server-to-Server OAuth).
    pub minter: Option<Arc<TokenMinter>>,
    /// The Medium class's rate and the concurrency bounds.
    pub gates: Gates,
    /// Retry policy.
    pub retry: RetryOptions,
}

impl UserLister {
    /// The ids (or, for pending users, emails) of the account's users of `statuses`, in
    /// Zoom's order, each once.
    pub async fn list(&self, statuses: &[String]) -> Result<Vec<String>, ProviderError> {
        let mut users: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for status in statuses {
            let status = ZoomUserStatus::from(status.as_str());
            let mut token: Option<String> = None;
            for _ in 0..MAX_PAGES {
                let page = self.page(&status, token.as_deref()).await?;
                for user in page.users.into_iter().flatten() {
                    if let Some(name) = non_empty(user.id).or_else(|| non_empty(user.email))
                        && seen.insert(name.clone())
                    {
                        users.push(name);
                    }
                }
                token = non_empty(page.next_page_token);
                if token.is_none() {
                    break;
                }
            }
        }
        tracing::debug!(users = users.len(), "listed the Zoom account's users");
        Ok(users)
    }

    /// One page, behind the Medium gates, with retries; the token minted (or re-minted once
    /// after a 401) as the report's pages do.
    async fn page(
        &self,
        status: &ZoomUserStatus,
        token: Option<&str>,
    ) -> Result<ZoomUserList, ProviderError> {
        let mut tries = Attempts::new();
        let mut reminted = false;
        loop {
            let generation = match &self.minter {
                Some(minter) => {
                    if minter.generation() == 0 {
                        minter
                            .mint_after(0, &self.auth)
                            .await
                            .map_err(|f| f.error)?;
                    }
                    minter.generation()
                }
                None => 0,
            };
            let pass = self.gates.enter().await;
            let sent = tokio::time::Instant::now();
            let outcome = self.call(status, token).await;
            drop(pass);
            let mut failure = match outcome {
                Ok(page) => {
                    self.gates.answered(sent);
                    return Ok(page);
                }
                Err(failure) => failure,
            };
            // A 401 is final, so it uses no attempt before the re-mint below.
            let backoff = tries.failed(&self.retry, &failure, &self.gates, sent);
            if failure.error.kind == ProviderErrorKind::Auth
                && !reminted
                && let Some(minter) = &self.minter
            {
                // The token may have expired: re-mint once and try again.
                reminted = true;
                minter
                    .mint_after(generation, &self.auth)
                    .await
                    .map_err(|f| f.error)?;
                continue;
            }
            if let Some(backoff) = backoff {
                tokio::time::sleep(backoff.wait).await;
                continue;
            }
            failure.error.attempts = tries.made();
            return Err(failure.error);
        }
    }

    async fn call(
        &self,
        status: &ZoomUserStatus,
        token: Option<&str>,
    ) -> Result<ZoomUserList, Failure> {
        let mut call = self
            .client
            .list_users()
            .status(status.clone())
            .page_size(NonZeroU64::new(PAGE_SIZE).unwrap_or(NonZeroU64::MIN));
        if let Some(token) = token {
            call = call.next_page_token(token);
        }
        let mut outcome = send(Provider::Zoom, OPERATION, call.send()).await;
        if let Err(failure) = &mut outcome {
            refine(failure, token.is_some());
        }
        outcome
    }
}

/// What Zoom's users errors mean: a missing scope (400 code 4711) or a Basic account stops
/// the account; an expired page token (400 code 300 after a token) says so.
fn refine(failure: &mut Failure, had_token: bool) {
    let error = &mut failure.error;
    match (error.status, error.code.as_deref()) {
        (Some(400), Some("4711")) | (Some(400), Some("200")) | (Some(403), _) => {
            error.kind = ProviderErrorKind::Permission;
            error.scope = Scope::Account;
            error.hint = Some("listing every user of the account needs the user:read:admin scope on the Server-to-Server OAuth app (add it in the Zoom App Marketplace), or name the users with --host".to_owned());
        }
        (Some(400), Some("300")) if had_token => {
            error.hint = Some(
                "Zoom's users page token expired (they live 15 minutes); run the listing again"
                    .to_owned(),
            );
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_scope_stops_the_account_and_says_which_scope() {
        let mut error = ProviderError::new(
            Provider::Zoom,
            OPERATION,
            ProviderErrorKind::BadRequest,
            "Invalid access token, does not contain scopes:[user:read:admin].",
        );
        error.status = Some(400);
        error.code = Some("4711".to_owned());
        let mut failure = Failure::fatal(error);
        refine(&mut failure, false);
        assert_eq!(failure.error.kind, ProviderErrorKind::Permission);
        assert_eq!(failure.error.scope, Scope::Account);
        assert!(failure.error.to_string().contains("user:read:admin scope"));
    }
}
