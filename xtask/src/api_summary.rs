//! What a regenerated client changes in its public API, for `cargo xtask generate`'s summary:
//! the public types, struct fields, enum variants and methods of the old and new `generated.rs`,
//! compared by name, so a reviewer sees the impact before reading the diff.

use std::collections::BTreeSet;
use std::fmt;

use quote::ToTokens;
use syn::{ImplItem, Item, Visibility};

/// The public items of one generated file, each as a readable path (`types::RoomRecording.codec`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PublicApi(BTreeSet<String>);

impl PublicApi {
    /// Parses `source`; text that is not Rust (a missing or broken file) has no public API.
    pub fn of(source: &str) -> Self {
        let mut api = BTreeSet::new();
        if let Ok(file) = syn::parse_file(source) {
            collect(&file.items, "", &mut api);
        }
        Self(api)
    }
}

/// The public items added and removed between two versions of a client.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ApiChange {
    /// In the new version only.
    pub added: Vec<String>,
    /// In the old version only.
    pub removed: Vec<String>,
}

impl ApiChange {
    /// `old` → `new`.
    pub fn between(old: &PublicApi, new: &PublicApi) -> Self {
        Self {
            added: new.0.difference(&old.0).cloned().collect(),
            removed: old.0.difference(&new.0).cloned().collect(),
        }
    }

    /// True when nothing public was added or removed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

impl fmt::Display for ApiChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return write!(f, "    no public API change");
        }
        write!(
            f,
            "    {} added, {} removed",
            self.added.len(),
            self.removed.len()
        )?;
        for item in &self.removed {
            write!(f, "\n    - {item}")?;
        }
        for item in &self.added {
            write!(f, "\n    + {item}")?;
        }
        Ok(())
    }
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

fn collect(items: &[Item], module: &str, out: &mut BTreeSet<String>) {
    let path = |name: &dyn fmt::Display| format!("{module}{name}");
    for item in items {
        match item {
            Item::Mod(m) if is_pub(&m.vis) => {
                if let Some((_, items)) = &m.content {
                    collect(items, &format!("{module}{}::", m.ident), out);
                }
            }
            Item::Struct(s) if is_pub(&s.vis) => {
                let name = path(&s.ident);
                for field in s.fields.iter().filter(|f| is_pub(&f.vis)) {
                    if let Some(ident) = &field.ident {
                        let ty = field.ty.to_token_stream().to_string().replace(' ', "");
                        out.insert(format!("field {name}.{ident}: {ty}"));
                    }
                }
                out.insert(format!("struct {name}"));
            }
            Item::Enum(e) if is_pub(&e.vis) => {
                let name = path(&e.ident);
                for variant in &e.variants {
                    out.insert(format!("variant {name}::{}", variant.ident));
                }
                out.insert(format!("enum {name}"));
            }
            // Inherent methods: the client's operations and the builders' parameter setters.
            Item::Impl(i) if i.trait_.is_none() => {
                // The type's name without generics: `ListMeetings<'a>` → `ListMeetings`.
                let ty = match &*i.self_ty {
                    syn::Type::Path(p) => p
                        .path
                        .segments
                        .last()
                        .map_or_else(String::new, |s| s.ident.to_string()),
                    other => other.to_token_stream().to_string().replace(' ', ""),
                };
                for member in &i.items {
                    if let ImplItem::Fn(f) = member
                        && is_pub(&f.vis)
                    {
                        out.insert(format!("method {}::{}", path(&ty), f.sig.ident));
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "
        pub mod types {
            pub struct Recording { pub id: String, pub codec: Option<String>, secret: u8 }
            pub enum Status { Done, Unknown(String) }
            struct Private;
        }
        pub mod builder {
            pub struct List<'a> { page: &'a u32 }
            impl<'a> List<'a> { pub fn page(self) -> Self { self } fn send(self) {} }
            impl Clone for List<'_> { fn clone(&self) -> Self { Self { page: self.page } } }
        }";

    #[test]
    fn fields_variants_types_and_methods_added_or_removed_are_named() {
        let new = OLD
            .replace(" pub codec: Option<String>,", " pub size: Option<f64>,")
            .replace("Done,", "Done, Failed,")
            .replace(
                "pub fn page(self) -> Self { self }",
                "pub fn page(self) -> Self { self } pub fn room(self) -> Self { self }",
            )
            .replace("struct Private;", "pub struct Meta;");
        let change = ApiChange::between(&PublicApi::of(OLD), &PublicApi::of(&new));
        assert_eq!(
            change.removed,
            ["field types::Recording.codec: Option<String>"]
        );
        assert_eq!(
            change.added,
            [
                "field types::Recording.size: Option<f64>",
                "method builder::List::room",
                "struct types::Meta",
                "variant types::Status::Failed",
            ]
        );
        let text = change.to_string();
        assert!(
            text.starts_with("    4 added, 1 removed\n    - field"),
            "{text}"
        );
        assert_eq!(
            ApiChange::between(&PublicApi::of(OLD), &PublicApi::of(OLD)).to_string(),
            "    no public API change"
        );
    }

    #[test]
    fn a_missing_file_has_no_api_so_everything_is_added() {
        let change = ApiChange::between(&PublicApi::of(""), &PublicApi::of(OLD));
        assert!(change.removed.is_empty());
        assert!(change.added.contains(&"enum types::Status".to_owned()));
    }
}
