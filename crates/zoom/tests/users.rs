//! The Zoom client's `GET /users` against a local HTTP stub: the exact request, the spec's
//! example decoded, pending users without an id, unknown enum values, Zoom's error bodies.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::num::NonZeroU64;

use meetkit_test_stub::*;
use meetkit_zoom::open_enums::{ZoomUserIncludeField, ZoomUserStatus, ZoomUserType};
use meetkit_zoom::{Client, Error, Secret};

const USERS_200: &str = "/paths/~1users/get/responses/200/content/application~1json/example";
const USERS_400: &str = "/paths/~1users/get/responses/400/content/application~1json/example";

fn client(stub: &Stub) -> Client {
    Client::connect(&stub.url("/v2"), &Secret::new("k"), &options()).unwrap()
}

#[tokio::test]
async fn every_query_parameter_is_sent_exactly() {
    let stub = Stub::start(200, &[], "{}").await;
    client(&stub)
        .list_users()
        .status(ZoomUserStatus::Inactive)
        .page_size(NonZeroU64::new(300).unwrap())
        .next_page_token("8V8+HigQ/kzm=")
        .role_id("2")
        .include_fields(ZoomUserIncludeField::CustomAttributes)
        .license("zoom_workforce_management")
        .send()
        .await
        .unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.method, "GET");
    assert_eq!(
        seen.query_pairs(),
        [
            ("include_fields", "custom_attributes"),
            ("license", "zoom_workforce_management"),
            ("next_page_token", "8V8+HigQ/kzm="),
            ("page_size", "300"),
            ("role_id", "2"),
            ("status", "inactive"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    assert!(seen.target.starts_with("/v2/users?"), "{}", seen.target);
    let stub = Stub::start(200, &[], "{}").await;
    client(&stub).list_users().send().await.unwrap();
    assert_eq!(stub.seen().await.target, "/v2/users");
}

#[tokio::test]
async fn decodes_the_spec_example_with_a_pending_user_without_id() {
    let example = spec_example("zoom", USERS_200);
    let stub = Stub::start(200, &[], example.to_string()).await;
    let page = client(&stub)
        .list_users()
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        without_nulls(example.clone())
    );
    let users = page.users.unwrap();
    assert_eq!(users.len(), 2);
    assert_eq!(users[0].id.as_deref(), Some("KDcuGIm1QgePTO8WbOqwIQ"));
    assert_eq!(users[0].status, Some(ZoomUserStatus::Active));
    assert_eq!(users[0].type_, Some(ZoomUserType::Licensed));
    assert_eq!(users[0].pmi, Some(6_589_310_093));
    assert_eq!(users[1].id, None);
    assert_eq!(users[1].status, Some(ZoomUserStatus::Pending));
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("8V8HigQkzm2O5r9RUn31D9ZyJHgrmFfbLa2")
    );
}

#[tokio::test]
async fn unknown_statuses_and_types_and_an_empty_last_page_decode() {
    let body = r#"{"next_page_token":"","total_records":1,"users":[
        {"id":"x","email":"a@example.com","type":7,"status":"suspended","verified":null}]}"#;
    let stub = Stub::start(200, &[], body).await;
    let page = client(&stub)
        .list_users()
        .send()
        .await
        .unwrap()
        .into_inner();
    let user = &page.users.unwrap()[0];
    assert_eq!(user.type_, Some(ZoomUserType::Unknown(7)));
    assert_eq!(
        user.status,
        Some(ZoomUserStatus::Unknown("suspended".to_owned()))
    );
    assert_eq!(page.next_page_token.as_deref(), Some(""));
}

#[tokio::test]
async fn a_missing_scope_and_a_bad_field_decode_into_zoom_error() {
    for (body, code) in [
        (spec_example("zoom", USERS_400).to_string(), 4711),
        (
            r#"{"code":300,"message":"Invalid field: status."}"#.to_owned(),
            300,
        ),
    ] {
        let stub = Stub::start(400, &[], body).await;
        match client(&stub).list_users().send().await.unwrap_err() {
            Error::ErrorResponse(response) => {
                assert_eq!(response.status().as_u16(), 400);
                assert_eq!(response.into_inner().code, Some(code));
            }
            other => panic!("expected an error response, got {other:?}"),
        }
    }
}
