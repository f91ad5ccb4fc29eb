//! Test-only helpers shared by the five client crates' tests: a one-shot HTTP/1.1 stub on
//! `127.0.0.1:0` that records the request exactly as it arrived and answers with a canned
//! response, and the spec-example helpers. Not published; a dev-dependency only.

// Test support: a failed setup step should stop the test with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use meetkit_client_support::HttpOptions;

/// One request exactly as the stub received it.
#[derive(Debug)]
pub struct Seen {
    /// The request method.
    pub method: String,
    /// The request target: path and query string, byte for byte as sent.
    pub target: String,
    /// Header names lower-cased, values verbatim.
    pub headers: Vec<(String, String)>,
}

impl Seen {
    /// The path, without the query string.
    pub fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(self.target.as_str(), |(p, _)| p)
    }

    /// The raw query string.
    pub fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }

    /// The query decoded into (name, value) pairs, in order.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(self.query().as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    /// Every value of a header (names compare case-insensitively).
    pub fn header_all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The one value of a header; panics when it was sent more than once.
    pub fn header(&self, name: &str) -> Option<&str> {
        let all = self.header_all(name);
        assert!(all.len() <= 1, "header {name} sent {} times", all.len());
        all.first().copied()
    }
}

/// A stub that answers one request with `status`, `headers` and `body`.
pub struct Stub {
    addr: std::net::SocketAddr,
    seen: tokio::task::JoinHandle<Seen>,
}

impl Stub {
    /// Listens on a free loopback port; answers the first request with `status`, `headers`
    /// and `body`, then closes.
    pub async fn start(status: u16, headers: &[(&str, &str)], body: impl Into<String>) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let body: String = body.into();
        let mut head = format!(
            "HTTP/1.1 {status} Stub\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
            body.len()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let seen = tokio::spawn(async move {
            use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = socket.read(&mut chunk).await.unwrap();
                assert!(n > 0, "connection closed before the request head ended");
                buf.extend_from_slice(&chunk[..n]);
            }
            let text = String::from_utf8(buf).unwrap();
            let (request_head, _) = text.split_once("\r\n\r\n").unwrap();
            let mut lines = request_head.split("\r\n");
            let mut request_line = lines.next().unwrap().split(' ');
            let method = request_line.next().unwrap().to_owned();
            let target = request_line.next().unwrap().to_owned();
            assert_eq!(request_line.next(), Some("HTTP/1.1"));
            let headers = lines
                .map(|line| {
                    let (n, v) = line.split_once(':').unwrap();
                    (n.trim().to_ascii_lowercase(), v.trim().to_owned())
                })
                .collect();
            socket.write_all(head.as_bytes()).await.unwrap();
            socket.write_all(body.as_bytes()).await.unwrap();
            socket.shutdown().await.unwrap();
            Seen {
                method,
                target,
                headers,
            }
        });
        Self { addr, seen }
    }

    /// `http://127.0.0.1:<port><stem>`.
    pub fn url(&self, stem: &str) -> String {
        format!("http://{}{stem}", self.addr)
    }

    /// Stops waiting for a request, for a test whose client must send none.
    pub fn abort(&self) {
        self.seen.abort();
    }

    /// The request the stub received (waits up to 10 s for it).
    pub async fn seen(self) -> Seen {
        tokio::time::timeout(std::time::Duration::from_secs(10), self.seen)
            .await
            .expect("the client never sent a request")
            .unwrap()
    }
}

/// The response example at `pointer` (a JSON pointer) in `specs/<provider>.yaml`.
pub fn spec_example(provider: &str, pointer: &str) -> serde_json::Value {
    let path = format!("{}/../../specs/{provider}.yaml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let spec: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    spec.pointer(pointer)
        .unwrap_or_else(|| panic!("{path} has nothing at {pointer}"))
        .clone()
}

/// `value` without its `null` members (the generated types skip `None` when serializing).
pub fn without_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => map
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k, without_nulls(v)))
            .collect(),
        serde_json::Value::Array(items) => items.into_iter().map(without_nulls).collect(),
        other => other,
    }
}

/// The user agent every client sends.
pub const USER_AGENT: &str = concat!("meetkit/", env!("CARGO_PKG_VERSION"));

/// Short timeouts and no idle connections, for tests.
pub fn options() -> HttpOptions {
    HttpOptions {
        connect_timeout: std::time::Duration::from_secs(5),
        read_timeout: std::time::Duration::from_secs(5),
        request_timeout: std::time::Duration::from_secs(10),
        pool_max_idle_per_host: 0,
    }
}
