//! The handle of a running sandbox: what it holds. Its methods live with what they are about:
//! `server.rs` (start, stop, URLs, credentials, truth) and the provider modules (a provider's
//! own methods, e.g. Zoom's in `providers/zoom_handle.rs`).

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::state::AppState;
use crate::tenants::Tenants;

/// A running sandbox. Dropping it leaves the server running until the runtime ends;
/// call [`SandboxHandle::shutdown`] to stop it.
#[derive(Debug)]
pub struct SandboxHandle {
    pub(crate) addr: SocketAddr,
    pub(crate) state: Arc<AppState>,
    pub(crate) tenants: Arc<Tenants>,
    pub(crate) stop: oneshot::Sender<()>,
    pub(crate) task: JoinHandle<()>,
}
