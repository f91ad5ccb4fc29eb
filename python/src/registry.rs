//! The provider registry as the Python package reads it (`_meetkit.providers()`): each
//! provider's name, display name and settings, from the core's descriptors, so that the
//! package's provider list, keywords and settings are derived, never written by hand.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// Every provider in `Provider::ALL` order, as a dict: `name`, `display_name`, `settings`
/// (dicts of `key`: the Python keyword's key, the config key without the provider's prefix;
/// `env`: the variable; `secret`) and `string_setting` (the key a plain string sets: the one
/// credential of its first single-credential set, the API key or Zoom's access token).
#[pyfunction]
pub fn providers(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let out = PyList::empty(py);
    for info in meetkit::registry::ALL.iter() {
        let name = info.provider.as_str();
        let prefix = format!("{name}_");
        let short = |key: &str| key.strip_prefix(&prefix).unwrap_or(key).to_owned();
        let settings = PyList::empty(py);
        let base_url = info.base_url_var.to_ascii_lowercase();
        let vars = info
            .credential_vars()
            .chain(info.extra_settings.iter())
            .map(|c| (short(c.key), c.env, c.secret))
            .chain(std::iter::once((
                short(&base_url),
                info.base_url_var,
                false,
            )));
        for (key, env, secret) in vars {
            let setting = PyDict::new(py);
            setting.set_item("key", key)?;
            setting.set_item("env", env)?;
            setting.set_item("secret", secret)?;
            settings.append(setting)?;
        }
        let string_setting = info
            .credentials
            .iter()
            .find(|set| set.len() == 1)
            .and_then(|set| set.first())
            .map(|c| short(c.key));
        let entry = PyDict::new(py);
        entry.set_item("name", name)?;
        entry.set_item("display_name", info.display_name)?;
        entry.set_item("settings", settings)?;
        entry.set_item("string_setting", string_setting)?;
        out.append(entry)?;
    }
    Ok(out)
}
