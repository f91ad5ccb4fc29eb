//! Tests of `ratelimit`.

use super::*;

#[tokio::test(start_paused = true)]
async fn a_second_worth_goes_at_once_and_no_window_holds_more() {
    let Some(limiter) = RateLimiter::new(10.0) else {
        panic!("10/s is a valid rate");
    };
    let start = Instant::now();
    let mut sent = Vec::new();
    for _ in 0..25 {
        limiter.acquire().await;
        sent.push(start.elapsed());
    }
    // The first ten at once, the next ten one window later, the last five after two.
    assert!(sent[..10].iter().all(|t| *t == Duration::ZERO), "{sent:?}");
    assert!(sent[10..20].iter().all(|t| *t == RATE_WINDOW), "{sent:?}");
    assert!(sent[20..].iter().all(|t| *t == RATE_WINDOW * 2), "{sent:?}");
    // No window of one second (plus margin) holds more than ten.
    for (i, t) in sent.iter().enumerate() {
        let within = sent[i..].iter().filter(|u| **u - *t < RATE_WINDOW).count();
        assert!(within <= 10, "{within} requests within a window from {t:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn slow_rates_space_requests_out() {
    let Some(limiter) = RateLimiter::new(0.5) else {
        panic!("0.5/s is a valid rate");
    };
    let start = Instant::now();
    limiter.acquire().await;
    limiter.acquire().await;
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn a_pause_holds_every_request_of_the_provider() {
    let gates = Gates::new(None, 4, Arc::new(Semaphore::new(4)));
    let start = Instant::now();
    gates.pause(Duration::from_millis(700));
    let a = gates.clone();
    let b = gates.clone();
    let (ta, tb) = tokio::join!(
        async move {
            let _pass = a.enter().await;
            start.elapsed()
        },
        async move {
            let _pass = b.enter().await;
            start.elapsed()
        }
    );
    assert_eq!(
        (ta, tb),
        (Duration::from_millis(700), Duration::from_millis(700))
    );
    // Once it has passed, requests go straight through.
    let _pass = gates.enter().await;
    assert_eq!(start.elapsed(), Duration::from_millis(700));
}

#[tokio::test(start_paused = true)]
async fn each_account_has_its_own_rate_and_partitions_of_one_account_share_it() {
    let limiters = Limiters::default();
    let global = Arc::new(Semaphore::new(64));
    let key = |account: &str| GateKey {
        provider: crate::model::Provider::Zoom,
        account: account.to_owned(),
        class: "all",
    };
    let a = Gates::shared(
        limiters.gate(key("a"), Limit::Rate(10.0), 64),
        Arc::clone(&global),
    );
    let b = Gates::shared(
        limiters.gate(key("b"), Limit::Rate(10.0), 64),
        Arc::clone(&global),
    );
    // A second partition of account a: the same gate, not a fresh 10/s.
    let a_again = Gates::shared(limiters.gate(key("a"), Limit::Rate(10.0), 64), global);
    let start = Instant::now();
    for gates in [&a, &b] {
        for _ in 0..10 {
            let _pass = gates.enter().await;
        }
    }
    // Ten each for two accounts went at once: they are not throttled together.
    assert_eq!(start.elapsed(), Duration::ZERO);
    let _pass = a_again.enter().await;
    assert_eq!(start.elapsed(), RATE_WINDOW);
}

#[test]
fn nonsense_rates_mean_no_limiter() {
    assert!(RateLimiter::new(0.0).is_none());
    assert!(RateLimiter::new(f64::NAN).is_none());
    assert!(RateLimiter::new(-1.0).is_none());
}

#[tokio::test(start_paused = true)]
async fn a_lowered_rate_counts_the_slots_already_taken() {
    let Some(limiter) = RateLimiter::new(10.0) else {
        panic!("10/s is a valid rate");
    };
    let start = Instant::now();
    for _ in 0..10 {
        limiter.acquire().await;
    }
    limiter.set_rate(4.0);
    assert_eq!(limiter.per_second(), 4.0);
    let mut sent = Vec::new();
    for _ in 0..8 {
        limiter.acquire().await;
        sent.push(start.elapsed());
    }
    // Ten went at the old rate: the next four wait a window, the four after that another.
    assert!(sent[..4].iter().all(|t| *t == RATE_WINDOW), "{sent:?}");
    assert!(sent[4..].iter().all(|t| *t == RATE_WINDOW * 2), "{sent:?}");
}

/// Sends `n` requests through `gates`, 10 ms apart, each answered at once without a 429.
async fn answered(gates: &Gates, n: usize) {
    for _ in 0..n {
        let _pass = gates.enter().await;
        gates.answered(Instant::now());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// A limit's 429s: the request sent at `sent` and the next two draw one, asking for `wait`.
fn limit_429s(gates: &Gates, wait: Duration, sent: Instant) {
    for _ in 0..3 {
        gates.throttled(wait, sent);
    }
}

#[tokio::test(start_paused = true)]
async fn a_stray_429_pauses_but_teaches_no_rate() {
    let gates = Gates::new(None, 64, Arc::new(Semaphore::new(64)));
    answered(&gates, 5).await;
    let stray = Instant::now();
    gates.throttled(Duration::from_millis(100), stray);
    // The requests sent after it get through: it was not a limit's.
    answered(&gates, 3).await;
    gates.throttled(Duration::from_millis(100), Instant::now());
    assert_eq!(gates.rate(), None);
    // Later, a 429 that the next two requests draw too is a limit's.
    tokio::time::sleep(RATE_WINDOW).await;
    answered(&gates, 2).await;
    let sent = Instant::now();
    gates.throttled(Duration::from_millis(100), sent);
    gates.throttled(Duration::from_millis(100), sent);
    assert_eq!(gates.rate(), None);
    gates.throttled(Duration::from_millis(100), sent);
    assert_eq!(gates.rate(), Some(2.0));
}

/// Gates through which ten got through, then two in flight drew 429s: too few to tell a
/// limit's 429s from a stray one.
async fn inconclusive_pair() -> Gates {
    let gates = Gates::new(None, 64, Arc::new(Semaphore::new(64)));
    answered(&gates, 10).await;
    let sent = Instant::now();
    gates.throttled(Duration::ZERO, sent);
    gates.throttled(Duration::ZERO, sent);
    assert_eq!(gates.rate(), None);
    gates
}

#[tokio::test(start_paused = true)]
async fn a_429_again_the_window_after_an_inconclusive_pair_is_a_limits() {
    let gates = inconclusive_pair().await;
    // The next window the same: its first 429 confirms the limit.
    tokio::time::sleep(RATE_WINDOW).await;
    answered(&gates, 10).await;
    gates.throttled(Duration::ZERO, Instant::now());
    assert_eq!(gates.rate(), Some(10.0));
}

#[tokio::test(start_paused = true)]
async fn a_429_long_after_an_inconclusive_pair_needs_its_own_confirmation() {
    let gates = inconclusive_pair().await;
    tokio::time::sleep(RATE_WINDOW * 3).await;
    answered(&gates, 10).await;
    gates.throttled(Duration::ZERO, Instant::now());
    assert_eq!(gates.rate(), None);
}

#[tokio::test(start_paused = true)]
async fn a_429_sets_the_rate_to_what_got_through_in_the_window_before() {
    let gates = Gates::new(None, 64, Arc::new(Semaphore::new(64)));
    assert_eq!(gates.rate(), None);
    // Three answers two seconds ago are out of the window; seven within it count.
    answered(&gates, 3).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    answered(&gates, 7).await;
    // One more is sent now and still in flight when the 429 to the next comes.
    let in_flight = Instant::now();
    let throttled = Instant::now() + Duration::from_millis(5);
    tokio::time::sleep(Duration::from_millis(5)).await;
    limit_429s(&gates, Duration::from_secs(1), throttled);
    assert_eq!(gates.rate(), Some(7.0));
    // Its answer says it got through too.
    gates.answered(in_flight);
    assert_eq!(gates.rate(), Some(8.0));
    // The pause the 429 asked for holds.
    let start = Instant::now();
    let _pass = gates.enter().await;
    assert_eq!(start.elapsed(), Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn a_later_429_lowers_the_learned_rate_and_never_raises_it() {
    let gates = Gates::new(None, 64, Arc::new(Semaphore::new(64)));
    limit_429s(&gates, Duration::ZERO, Instant::now());
    // Nothing got through: at least one a second.
    assert_eq!(gates.rate(), Some(1.0));
    tokio::time::sleep(RATE_WINDOW * 2).await;
    // A 429 after more got through does not raise it.
    for _ in 0..5 {
        gates.answered(Instant::now());
    }
    limit_429s(&gates, Duration::ZERO, Instant::now());
    assert_eq!(gates.rate(), Some(1.0));
}

#[tokio::test(start_paused = true)]
async fn a_learned_rate_rises_again_after_clean_windows_while_saturated() {
    let gates = Gates::new(None, 64, Arc::new(Semaphore::new(64)));
    answered(&gates, 5).await;
    limit_429s(&gates, Duration::ZERO, Instant::now());
    assert_eq!(gates.rate(), Some(5.0));
    tokio::time::sleep(Duration::from_millis(10)).await;
    let learned = Instant::now();
    // Requests keep waiting for the rate, and no 429 comes.
    let mut rises = Vec::new();
    while rises.len() < 2 {
        let before = gates.rate();
        answered(&gates, 1).await;
        if gates.rate() != before {
            rises.push((learned.elapsed(), gates.rate()));
        }
    }
    assert_eq!(rises[0].1, Some(6.0), "{rises:?}");
    assert_eq!(rises[1].1, Some(7.0), "{rises:?}");
    assert!(rises[0].0 >= RATE_WINDOW * CLEAN_WINDOWS, "{rises:?}");
    assert!(rises[0].0 < RATE_WINDOW * (CLEAN_WINDOWS + 2), "{rises:?}");
    assert!(
        rises[1].0 - rises[0].0 >= RATE_WINDOW * CLEAN_WINDOWS,
        "{rises:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn an_idle_gate_keeps_its_learned_rate() {
    let gates = Gates::new(None, 64, Arc::new(Semaphore::new(64)));
    answered(&gates, 5).await;
    limit_429s(&gates, Duration::ZERO, Instant::now());
    // Long after, a few requests that never wait for a slot do not raise it.
    tokio::time::sleep(RATE_WINDOW * CLEAN_WINDOWS * 2).await;
    answered(&gates, 3).await;
    assert_eq!(gates.rate(), Some(5.0));
}

#[tokio::test(start_paused = true)]
async fn learning_never_goes_above_the_configured_rate() {
    let gates = Gates::new(Some(10.0), 64, Arc::new(Semaphore::new(64)));
    // Twenty got through (another client's limit, say): the configured ten still holds.
    for _ in 0..20 {
        gates.answered(Instant::now());
    }
    limit_429s(&gates, Duration::ZERO, Instant::now());
    assert_eq!(gates.rate(), Some(10.0));
    // Learned down to four, it rises back to ten and no further.
    tokio::time::sleep(RATE_WINDOW * 2).await;
    answered(&gates, 4).await;
    limit_429s(&gates, Duration::ZERO, Instant::now());
    assert_eq!(gates.rate(), Some(4.0));
    let mut highest = 0.0_f64;
    for _ in 0..100 {
        answered(&gates, 10).await;
        highest = highest.max(gates.rate().unwrap_or(f64::INFINITY));
    }
    assert_eq!(highest, 10.0);
    assert_eq!(gates.rate(), Some(10.0));
}

/// What Telnyx's answers tell: `limit` requests until the window resets after `reset`.
fn told(limit: u32, reset: Duration) -> Announced {
    Announced {
        limit: Some(limit),
        reset: Some(reset),
    }
}

#[tokio::test(start_paused = true)]
async fn an_announced_limit_is_held_to_and_the_requests_already_sent_count() {
    let gates = Gates::new(None, 64, Arc::new(Semaphore::new(64)));
    let start = Instant::now();
    // A burst of eight goes before any answer; the first answer tells the limit.
    for _ in 0..8 {
        let _pass = gates.enter().await;
    }
    gates.announced(&told(20, Duration::from_secs(1)));
    assert_eq!(gates.rate(), Some(20.0));
    let mut sent = Vec::new();
    for _ in 0..13 {
        let _pass = gates.enter().await;
        sent.push(start.elapsed());
    }
    // Twelve more fill the window the eight began; the next waits for the window to pass.
    assert!(sent[..12].iter().all(|t| t.is_zero()), "{sent:?}");
    assert_eq!(sent[12], RATE_WINDOW, "{sent:?}");
}

#[tokio::test(start_paused = true)]
async fn an_announced_limit_counts_over_the_longest_reset_told() {
    let gates = Gates::new(None, 64, Arc::new(Semaphore::new(64)));
    gates.announced(&told(60, Duration::from_millis(2_500)));
    // Sixty per window of (at least) three seconds.
    assert_eq!(gates.rate(), Some(20.0));
    // A shorter reset later (the window is nearly over) does not shorten the window.
    gates.announced(&told(60, Duration::from_secs(1)));
    assert_eq!(gates.rate(), Some(20.0));
    // A reset of a day (or a timestamp where seconds were meant) is taken as the longest
    // window, not a reason to stall.
    gates.announced(&told(600, Duration::from_secs(86_400)));
    assert_eq!(gates.rate(), Some(10.0));
}

#[tokio::test(start_paused = true)]
async fn an_announced_limit_is_followed_but_never_above_a_configured_rate() {
    let gates = Gates::new(Some(10.0), 64, Arc::new(Semaphore::new(64)));
    gates.announced(&told(20, Duration::from_secs(1)));
    assert_eq!(gates.rate(), Some(10.0));
    gates.announced(&told(4, Duration::from_secs(1)));
    assert_eq!(gates.rate(), Some(4.0));
    // A limit told higher later (a plan upgraded) is held to at once, up to the configured.
    gates.announced(&told(8, Duration::from_secs(1)));
    assert_eq!(gates.rate(), Some(8.0));
}

#[tokio::test(start_paused = true)]
async fn learning_rises_no_higher_than_the_announced_limit() {
    let gates = Gates::new(None, 64, Arc::new(Semaphore::new(64)));
    gates.announced(&told(8, Duration::from_secs(1)));
    // 429s (another client on the key, say) teach a lower rate, which stands.
    tokio::time::sleep(RATE_WINDOW * 2).await;
    answered(&gates, 4).await;
    limit_429s(&gates, Duration::ZERO, Instant::now());
    assert_eq!(gates.rate(), Some(4.0));
    gates.announced(&told(8, Duration::from_secs(1)));
    assert_eq!(gates.rate(), Some(4.0));
    // It rises back to the announced eight and no further.
    let mut highest = 0.0_f64;
    for _ in 0..100 {
        answered(&gates, 10).await;
        highest = highest.max(gates.rate().unwrap_or(f64::INFINITY));
    }
    assert_eq!(highest, 8.0);
}

/// A gate of `concurrency` whose account's limit is unknown.
fn unknown(concurrency: usize) -> Gates {
    Gates::shared(
        Arc::new(AccountGate::of(None, Limit::Unknown, concurrency)),
        Arc::new(Semaphore::new(64)),
    )
}

/// The passes `gates` gives out at once, held until the caller drops them.
async fn passes_at_once(gates: &Gates) -> Vec<Pass> {
    let mut passes = Vec::new();
    while let Ok(pass) = tokio::time::timeout(Duration::from_millis(1), gates.enter()).await {
        passes.push(pass);
    }
    passes
}

#[tokio::test(start_paused = true)]
async fn an_unknown_limit_starts_slowly_and_doubles_after_each_clean_window() {
    let gates = unknown(8);
    let first = passes_at_once(&gates).await;
    assert_eq!(first.len(), SLOW_START, "a slow start's requests in flight");
    drop(first);
    // Answers within the first window widen nothing.
    answered(&gates, 3).await;
    assert_eq!(passes_at_once(&gates).await.len(), SLOW_START);
    // A window after the first request, a clean answer doubles it; then up to the concurrency.
    tokio::time::sleep(RATE_WINDOW).await;
    answered(&gates, 1).await;
    assert_eq!(passes_at_once(&gates).await.len(), 2 * SLOW_START);
    tokio::time::sleep(RATE_WINDOW).await;
    answered(&gates, 1).await;
    assert_eq!(passes_at_once(&gates).await.len(), 8);
    tokio::time::sleep(RATE_WINDOW).await;
    answered(&gates, 1).await;
    assert_eq!(
        passes_at_once(&gates).await.len(),
        8,
        "never past the concurrency"
    );
}

#[tokio::test(start_paused = true)]
async fn a_429_holds_a_slow_start_until_it_is_told_from_a_strays() {
    let gates = unknown(8);
    drop(passes_at_once(&gates).await);
    tokio::time::sleep(RATE_WINDOW / 2).await;
    // A 429 nothing confirms: a pause, no rate, and no widening while the next windows may
    // still show it was a limit's.
    gates.throttled(Duration::ZERO, Instant::now());
    assert_eq!(gates.rate(), None);
    tokio::time::sleep(RATE_WINDOW * 2).await;
    answered(&gates, 1).await;
    assert_eq!(passes_at_once(&gates).await.len(), SLOW_START);
    tokio::time::sleep(RATE_WINDOW).await;
    answered(&gates, 1).await;
    assert_eq!(passes_at_once(&gates).await.len(), 2 * SLOW_START);
}

#[tokio::test(start_paused = true)]
async fn a_learned_or_announced_limit_ends_a_slow_start_at_once() {
    let learned = unknown(8);
    answered(&learned, 4).await;
    limit_429s(&learned, Duration::ZERO, Instant::now());
    assert_eq!(learned.rate(), Some(4.0));
    // The rate holds them now, not the slow start's three.
    tokio::time::sleep(RATE_WINDOW).await;
    let passes = passes_at_once(&learned).await;
    assert_eq!(passes.len(), 4, "four a window");
    assert_eq!(
        learned.account.provider_permits.available_permits(),
        8 - passes.len(),
        "in flight up to the concurrency"
    );

    let announced = unknown(8);
    announced.announced(&told(100, Duration::from_secs(1)));
    assert_eq!(passes_at_once(&announced).await.len(), 8);
}

#[tokio::test(start_paused = true)]
async fn a_known_rate_or_none_at_all_starts_at_full_concurrency() {
    for limit in [Limit::Rate(100.0), Limit::Unlimited] {
        let gates = Gates::shared(
            Arc::new(AccountGate::of(None, limit, 8)),
            Arc::new(Semaphore::new(64)),
        );
        assert_eq!(passes_at_once(&gates).await.len(), 8, "{limit:?}");
    }
}
