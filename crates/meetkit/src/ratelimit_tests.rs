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
    let a = Gates::shared(limiters.gate(key("a"), Some(10.0), 64), Arc::clone(&global));
    let b = Gates::shared(limiters.gate(key("b"), Some(10.0), 64), Arc::clone(&global));
    // A second partition of account a: the same gate, not a fresh 10/s.
    let a_again = Gates::shared(limiters.gate(key("a"), Some(10.0), 64), global);
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
