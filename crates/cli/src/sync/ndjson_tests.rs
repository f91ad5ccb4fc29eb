//! Tests of `ndjson`.

use super::*;

#[test]
fn state_keys_keep_version_1_files_readable() {
    assert_eq!(state_key(Provider::Zoom, "default"), "zoom");
    assert_eq!(state_key(Provider::Zoom, "eu"), "zoom:eu");
    assert_eq!(
        parse_state_key("zoom"),
        Some((Provider::Zoom, "default".to_owned()))
    );
    assert_eq!(
        parse_state_key("daily:eu"),
        Some((Provider::Daily, "eu".to_owned()))
    );
    assert_eq!(parse_state_key("skype"), None);
}

#[test]
fn atomic_write_replaces_and_leaves_no_temp() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("state.json");
    write_atomic(&path, b"one")?;
    write_atomic(&path, b"two")?;
    assert_eq!(fs::read(&path)?, b"two");
    assert_eq!(fs::read_dir(dir.path())?.count(), 1);
    Ok(())
}

#[test]
fn a_torn_last_line_is_cut_and_a_corrupt_one_refused() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("out.ndjson");
    fs::write(&path, b"{\"provider\":\"zo")?;
    let open = |path: &Path| {
        OutFile::lock(path).and_then(|f| OutFile::recover(f, path, DateTime::<Utc>::MIN_UTC))
    };
    let out = open(&path).map_err(|e| e.message)?;
    assert_eq!(out.truncated, 15);
    drop(out);
    assert_eq!(fs::read(&path)?.len(), 0);
    fs::write(&path, b"not json\n")?;
    let err = open(&path).err().map(|e| e.message).unwrap_or_default();
    assert!(
        err.contains("line 1") && err.contains("not a meeting"),
        "{err}"
    );
    Ok(())
}
