//! Many accounts per provider: each is listed with its own credentials against its own
//! sandbox tenant, tagged with its name, and fails on its own.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use meetkit::{Client, Config, Provider, ProviderErrorKind, Query};
use meetkit_sandbox::{Faults, SandboxHandle};

/// `per_provider` sandbox tenants of every provider, added to `config` as named accounts.
fn with_accounts(handle: &SandboxHandle, mut config: Config, per_provider: usize) -> Config {
    for (i, entry) in handle.accounts(per_provider).iter().enumerate() {
        let account = meetkit::accounts::from_entry(
            entry.as_object().unwrap(),
            &format!("entry {i}"),
            &|_| None,
        )
        .unwrap();
        config.add_account(account).unwrap();
    }
    config
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_accounts_per_provider_list_the_union_of_their_truths() {
    let handle = sandbox(300, 11, Faults::default()).await;
    // The environment's account plus two named ones, per provider.
    let config = with_accounts(&handle, config_for(&handle), 2);
    let client = Client::new(config).unwrap();
    let window = recent_window(&handle);
    let listing = client.collect(&Query::new(window)).await.unwrap();
    assert!(listing.errors.is_empty(), "{:?}", listing.errors);
    let mut total = 0;
    for p in Provider::ALL {
        let mut truths = Vec::new();
        for account in ["default", "t001", "t002"] {
            let mine: Vec<_> = listing
                .meetings
                .iter()
                .filter(|m| m.provider == p && m.account == account)
                .cloned()
                .collect();
            let mut truth =
                handle.truth_of(sandbox_provider(p), account, window.from(), window.to());
            truth.sort();
            assert!(!truth.is_empty(), "{p}/{account} has meetings");
            assert_eq!(ids_of(&mine), truth, "{p}/{account}");
            total += truth.len();
            truths.push(truth);
        }
        // Each tenant has its own data.
        assert_ne!(truths[1], truths[2], "{p}");
        assert_eq!(
            truths[0],
            truth(&handle, p, window.from(), window.to()),
            "{p}: the plain credentials are the default tenant's"
        );
    }
    assert_eq!(
        listing.meetings.len(),
        total,
        "no meeting without an account"
    );
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_accounts_rejected_key_leaves_the_others_complete() {
    let handle = sandbox(300, 12, Faults::default()).await;
    let mut config = config_for(&handle);
    let mut entries = handle.accounts(3);
    for entry in &mut entries {
        if entry["provider"] == "daily" && entry["name"] == "t002" {
            entry["api_key"] = "rejected-daily-key~t002".into();
        }
    }
    for (i, entry) in entries.iter().enumerate() {
        let account = meetkit::accounts::from_entry(
            entry.as_object().unwrap(),
            &format!("entry {i}"),
            &|_| None,
        )
        .unwrap();
        config.add_account(account).unwrap();
    }
    let client = Client::new(config).unwrap();
    let window = recent_window(&handle);
    let listing = client
        .collect(&Query::new(window).providers([Provider::Daily]))
        .await
        .unwrap();
    assert_eq!(listing.errors.len(), 1, "{:?}", listing.errors);
    let error = &listing.errors[0];
    assert_eq!(error.kind, ProviderErrorKind::Auth);
    assert_eq!(error.account.as_deref(), Some("t002"));
    assert!(error.to_string().contains("of account \"t002\""), "{error}");
    for account in ["default", "t001", "t003"] {
        let mine: Vec<_> = listing
            .meetings
            .iter()
            .filter(|m| m.account == account)
            .cloned()
            .collect();
        let mut truth = handle.truth_of(
            sandbox_provider(Provider::Daily),
            account,
            window.from(),
            window.to(),
        );
        truth.sort();
        assert_eq!(ids_of(&mine), truth, "{account}");
    }
    assert!(listing.meetings.iter().all(|m| m.account != "t002"));
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zoom_accounts_without_a_default_list_their_users_with_their_own_settings() {
    // Only named accounts (an accounts file, nothing in the environment): each Zoom account
    // lists its users with its own `user_statuses`, not the (absent) default account's.
    let handle = sandbox(200, 17, Faults::default()).await;
    let mut config = Config {
        runtime: config_for(&handle).runtime,
        ..Config::default()
    };
    for (i, mut entry) in handle.accounts(2).into_iter().enumerate() {
        let entry = entry.as_object_mut().unwrap();
        if entry["provider"] != "zoom" {
            continue;
        }
        if entry["name"] == "t002" {
            entry.insert("user_statuses".into(), "inactive".into());
        }
        let account =
            meetkit::accounts::from_entry(entry, &format!("entry {i}"), &|_| None).unwrap();
        config.add_account(account).unwrap();
    }
    let client = Client::new(config).unwrap();
    let window = recent_window(&handle);
    let plan = client.plan(&Query::new(window)).await.unwrap();
    assert!(plan.errors.is_empty(), "{:?}", plan.errors);
    let users = |account: &str| {
        plan.partitions
            .iter()
            .filter(|p| p.account == account && p.user.is_some())
            .count()
    };
    // Active and inactive users (~88 % of 360+), against inactive alone (~18 %).
    assert!(users("t001") > 250, "t001: {} users", users("t001"));
    assert!(
        (1..150).contains(&users("t002")),
        "t002: {} users",
        users("t002")
    );
    let listing = client.collect(&Query::new(window)).await.unwrap();
    assert!(listing.errors.is_empty(), "{:?}", listing.errors);
    let mine: Vec<_> = listing
        .meetings
        .iter()
        .filter(|m| m.account == "t001")
        .cloned()
        .collect();
    let mut truth = handle.truth_of(
        sandbox_provider(Provider::Zoom),
        "t001",
        window.from(),
        window.to(),
    );
    truth.sort();
    assert!(!truth.is_empty());
    assert_eq!(
        ids_of(&mine),
        truth,
        "zoom/t001: the account's meetings, every user's"
    );
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accounts_are_selected_by_name_and_unknown_names_are_refused() {
    let handle = sandbox(200, 13, Faults::default()).await;
    let client = Client::new(with_accounts(&handle, config_for(&handle), 2)).unwrap();
    let window = recent_window(&handle);
    let plan = client
        .plan(&Query::new(window).accounts(["t002"]))
        .await
        .unwrap();
    // One account per provider (Zoom's is planned per user of the account).
    let providers: std::collections::BTreeSet<Provider> =
        plan.partitions.iter().map(|p| p.provider).collect();
    assert_eq!(providers.len(), 5);
    assert!(plan.partitions.iter().all(|p| p.account == "t002"));
    assert_eq!(
        client
            .accounts(&Query::new(window).accounts(["t002"]))
            .unwrap(),
        Provider::ALL
            .into_iter()
            .map(|p| (p, "t002".to_owned()))
            .collect::<Vec<_>>()
    );
    let listing = client
        .collect(
            &Query::new(window)
                .providers([Provider::Telnyx])
                .accounts(["t002"]),
        )
        .await
        .unwrap();
    assert!(!listing.meetings.is_empty());
    assert!(listing.meetings.iter().all(|m| m.account == "t002"));
    let err = client
        .plan(&Query::new(window).accounts(["nope"]))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("\"nope\"") && err.contains("daily/t001"),
        "{err}"
    );
    // A partition of an account this client does not have says so, naming the ones it has.
    let mut partition = plan.partitions[0].clone();
    partition.account = "elsewhere".to_owned();
    let err = client.run(&partition).unwrap_err().to_string();
    assert!(
        err.contains("\"elsewhere\"") && err.contains("t001"),
        "{err}"
    );
    handle.shutdown().await;
}

#[test]
fn a_second_account_of_the_same_name_is_refused() {
    let env = |name: &str| (name == "DAILY_API_KEY").then(|| "k".to_owned());
    let mut config = Config::from_lookup(env).unwrap();
    let entry = serde_json::json!({"provider": "daily", "name": "default", "api_key": "k2"});
    let account =
        meetkit::accounts::from_entry(entry.as_object().unwrap(), "python entry 1", &|_| None)
            .unwrap();
    let err = config.add_account(account).unwrap_err().to_string();
    assert_eq!(
        err,
        "python entry 1: daily/default is already defined (env: DAILY_API_KEY); give each account of a provider its own name"
    );
}
