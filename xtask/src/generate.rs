//! `cargo xtask generate [--check]`: every generated artifact, rendered from its source of truth.
//!
//! - `specs/<provider>.yaml` → `crates/<provider>/src/generated.rs` (progenitor, builder style,
//!   with `meetkit_client_support::Auth` as each client's inner value and pre-request hook,
//!   `meetkit_client_support::note_response` as its post-request hook, and every named enum
//!   schema replaced by an open enum; see `open_enums`; its responses decoded by
//!   `meetkit_client_support::from_response`; see `decoder`).
//! - the core's `Meeting` type → `specs/meeting.schema.json` (schemars).
//!
//! `--check` renders everything in memory and fails with a unified diff when a committed file
//! differs, so a spec edited without regenerating cannot land.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use progenitor::{GenerationSettings, Generator, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;

use crate::api_summary::{ApiChange, PublicApi};
use crate::{decoder, open_enums};

/// The providers with a spec in `specs/` and a client crate in `crates/`: the core's
/// providers, by name.
pub const PROVIDERS: [&str; meetkit::Provider::ALL.len()] = {
    let mut names = [""; meetkit::Provider::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = meetkit::Provider::ALL[i].as_str();
        i += 1;
    }
    names
};

/// One generated file and what it should contain.
pub struct Artifact {
    /// Path relative to the workspace root.
    pub path: PathBuf,
    /// The full expected contents.
    pub contents: String,
}

/// Renders every artifact from its source.
pub fn render_all(root: &Path) -> Result<Vec<Artifact>> {
    let mut artifacts = render_clients(root)?;
    artifacts.push(Artifact {
        path: PathBuf::from("specs/meeting.schema.json"),
        contents: meetkit::schema::meeting_schema_json(),
    });
    Ok(artifacts)
}

fn render_clients(root: &Path) -> Result<Vec<Artifact>> {
    PROVIDERS
        .iter()
        .map(|provider| {
            let spec = root.join("specs").join(format!("{provider}.yaml"));
            let contents = render_client(&spec).with_context(|| {
                format!("generating the {provider} client from {}", spec.display())
            })?;
            Ok(Artifact {
                path: PathBuf::from(format!("crates/{provider}/src/generated.rs")),
                contents,
            })
        })
        .collect()
}

/// Loads a spec: YAML to JSON value (for the open-enum pass) and to `openapiv3` (for progenitor).
pub fn load_spec(path: &Path) -> Result<(serde_json::Value, openapiv3::OpenAPI)> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let value: serde_json::Value = serde_yaml::from_str(&text)
        .with_context(|| format!("{} is not valid YAML", path.display()))?;
    let spec: openapiv3::OpenAPI = serde_json::from_value(value.clone())
        .with_context(|| format!("{} is not an OpenAPI 3.0 document", path.display()))?;
    Ok((value, spec))
}

fn render_client(spec_path: &Path) -> Result<String> {
    let (value, spec) = load_spec(spec_path)?;
    let enums = open_enums::collect(&value)?;

    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_inner_type(quote!(::meetkit_client_support::Auth))
        .with_pre_hook(quote!(::meetkit_client_support::Auth::apply))
        .with_post_hook(quote!(::meetkit_client_support::note_response))
        .with_derive("PartialEq");
    for e in &enums {
        settings.with_replacement(
            &e.name,
            format!("crate::open_enums::{}", e.name),
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    }
    let mut generator = Generator::new(&settings);
    let client = generator
        .generate_tokens(&spec)
        .map_err(|e| anyhow::anyhow!("progenitor rejected the spec: {e}"))?;
    let enum_code = open_enums::tokens(&enums);
    let file = quote! {
        #client
        pub mod open_enums {
            #enum_code
        }
    };
    let mut ast: syn::File =
        syn::parse2(file).context("progenitor produced code that does not parse")?;
    decoder::use_meetkit_decoder(&mut ast)?;
    let name = spec_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(format!(
        "// @generated — do not edit. Produced by `cargo xtask generate` from specs/{name}.\n\
         // Edit the spec and run `cargo xtask generate` instead.\n\n{}",
        prettyplease::unparse(&ast)
    ))
}

/// What each client whose generated file would change gains and loses in its public API.
pub fn api_changes(root: &Path, artifacts: &[Artifact]) -> Vec<(String, ApiChange)> {
    artifacts
        .iter()
        .filter(|a| a.path.ends_with("src/generated.rs"))
        .filter_map(|artifact| {
            let current = fs::read_to_string(root.join(&artifact.path)).unwrap_or_default();
            (current != artifact.contents).then(|| {
                let change = ApiChange::between(
                    &PublicApi::of(&current),
                    &PublicApi::of(&artifact.contents),
                );
                (artifact.path.display().to_string(), change)
            })
        })
        .collect()
}

/// Writes every artifact (`check == false`) or fails with a diff when one is stale; either way
/// ends with what each changed client gains and loses in its public API.
pub fn run(root: &Path, check: bool) -> Result<()> {
    let artifacts = render_all(root)?;
    let changes = api_changes(root, &artifacts);
    let mut stale = Vec::new();
    for artifact in &artifacts {
        let path = root.join(&artifact.path);
        let current = fs::read_to_string(&path).unwrap_or_default();
        if current == artifact.contents {
            continue;
        }
        if check {
            let diff = similar::TextDiff::from_lines(&current, &artifact.contents);
            eprintln!(
                "{}",
                diff.unified_diff().context_radius(3).header(
                    &format!("{} (committed)", artifact.path.display()),
                    &format!("{} (from spec)", artifact.path.display())
                )
            );
            stale.push(artifact.path.display().to_string());
        } else {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, &artifact.contents)
                .with_context(|| format!("writing {}", path.display()))?;
            println!("wrote {}", artifact.path.display());
        }
    }
    if !changes.is_empty() {
        println!("Public API changes:");
        for (path, change) in &changes {
            println!("  {path}\n{change}");
        }
    }
    if !stale.is_empty() {
        bail!(
            "generated code is stale: {}\nrun `cargo xtask generate` and commit the result",
            stale.join(", ")
        );
    }
    if check {
        println!("generated code is up to date ({} files)", artifacts.len());
    }
    Ok(())
}
