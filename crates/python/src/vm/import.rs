//! `import`: builtin modules (written in Rust or bundled as Python source and
//! compiled on first import), cached in `sys.modules`.

use super::Vm;
use super::frame::{Frame, FrameKind};
use crate::modules::{self, ModuleDef};
use crate::objects::names::{intern, names};
use crate::objects::types::dict_get_str;
use crate::objects::{ModuleObj, ObjRef, Object, PyErr, PyResult, Value};
use std::sync::Arc;

impl Vm {
    /// `import name` / `from name import …` (`fromlist` empty or `None`
    /// for a plain import, which yields the top-level package).
    pub(crate) fn import_name(
        &mut self,
        name: &Value,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult {
        if matches!(level, Value::Int(n) if *n > 0) {
            return Err(PyErr::import_error(
                "attempted relative import with no known parent package",
            ));
        }
        let full = name.as_str().map_or("", |s| s.as_str()).to_string();
        let module = self.import_module(&full)?;
        let wants_leaf = fromlist.as_tuple().is_some_and(|f| !f.is_empty());
        if wants_leaf || !full.contains('.') {
            return Ok(module);
        }
        let top = full.split('.').next().unwrap_or("");
        self.import_module(top)
    }

    /// Imports a module by its full dotted name.
    pub fn import_module(&mut self, full: &str) -> PyResult {
        let key = intern(full);
        if let Some(found) = dict_get_str(&self.interp.modules, &key) {
            return Ok(found);
        }
        if let Some((parent, _)) = full.rsplit_once('.') {
            self.import_module(parent)?;
        }
        let Some(def) = modules::find(full) else {
            return Err(module_not_found(full));
        };
        let module = self.create_module(full)?;
        let Value::Obj(module_obj) = &module else {
            return Err(PyErr::system_error("module is not an object"));
        };
        let Object::Module(m) = &**module_obj else {
            return Err(PyErr::system_error("module is not a module"));
        };
        let dict = m.dict.clone();
        self.dict_set(&self.interp.modules.clone(), key, module.clone())?;
        let loaded = match def {
            ModuleDef::Native(init) => init(self, &dict),
            ModuleDef::Source(source) => self.run_module_source(full, source, &dict),
        };
        if let Err(err) = loaded {
            let modules = self.interp.modules.clone();
            self.dict_del_str(&modules, &intern(full))?;
            return Err(err);
        }
        if let Some((parent, leaf)) = full.rsplit_once('.')
            && let Some(parent_module) = dict_get_str(&self.interp.modules, &intern(parent))
        {
            self.setattr(&parent_module, &intern(leaf), module.clone())?;
        }
        Ok(module)
    }

    /// A new, empty module object.
    pub fn create_module(&mut self, name: &str) -> PyResult {
        let dict = Value::new_dict_obj();
        self.dict_set(&dict, names().__name__.clone(), Value::str(name))?;
        self.dict_set(&dict, names().__doc__.clone(), Value::None)?;
        Ok(Value::obj(Object::Module(ModuleObj {
            name: name.into(),
            dict,
        })))
    }

    fn run_module_source(&mut self, name: &str, source: &str, dict: &ObjRef) -> PyResult<()> {
        let filename = format!("<threadline {name}>");
        let code = crate::compile_source(source, &filename).map_err(|err| {
            PyErr::system_error(format!(
                "bundled module {name} does not compile: {}",
                err.message
            ))
        })?;
        self.interp
            .sources
            .lock()
            .insert(filename.into(), source.into());
        self.run_code_in(&code, dict)?;
        Ok(())
    }

    /// Runs module-level code with `dict` as its globals, to its end.
    pub fn run_code_in(&mut self, code: &Arc<crate::compile::Code>, dict: &ObjRef) -> PyResult {
        let slots = self.take_slots(code.slot_count() + code.max_stack as usize);
        let frame = Frame {
            source: super::frame::FrameSource::Code(code.clone(), dict.clone()),
            ip: 0,
            slots,
            namespace: Some(dict.clone()),
            blocks: Vec::new(),
            handled: Value::Null,
            kind: FrameKind::Native,
        };
        self.push_frame(frame)?;
        self.run_nested()
    }

    /// `from module import name`.
    pub(crate) fn import_from(&mut self, module: &Value, name: &Value) -> PyResult {
        if let Some(value) = self.getattr_opt(module, name)? {
            return Ok(value);
        }
        let module_name = match module {
            Value::Obj(o) => match &**o {
                Object::Module(m) => m.name.to_string(),
                _ => "?".into(),
            },
            _ => "?".into(),
        };
        let full = format!("{module_name}.{}", name.as_str().map_or("", |s| s.as_str()));
        if modules::find(&full).is_some() {
            return self.import_module(&full);
        }
        Err(PyErr::import_error(format!(
            "cannot import name '{}' from '{module_name}' (unknown location)",
            name.as_str().map_or("", |s| s.as_str())
        )))
    }

    /// `from module import *`.
    pub(crate) fn import_star(&mut self, module: &Value) -> PyResult<()> {
        let Value::Obj(o) = module else {
            return Ok(());
        };
        let Object::Module(m) = &**o else {
            return Ok(());
        };
        let entries = match &*m.dict {
            Object::Dict(d) => d.lock().items(),
            _ => Vec::new(),
        };
        let public: Option<Vec<Value>> = match dict_get_str(&m.dict, &names().__all__) {
            Some(all) => Some(self.collect(&all)?),
            None => None,
        };
        let frame = self.top_frame()?;
        let target = frame
            .namespace
            .clone()
            .unwrap_or_else(|| frame.globals().clone());
        for (key, value) in entries {
            let Some(text) = key.as_str() else { continue };
            let wanted = match &public {
                Some(list) => list
                    .iter()
                    .any(|p| p.as_str().is_some_and(|s| s.as_str() == text.as_str())),
                None => !text.as_str().starts_with('_'),
            };
            if wanted {
                self.dict_set(&target, key, value)?;
            }
        }
        Ok(())
    }
}

/// `ModuleNotFoundError: No module named 'x'`; the list of what is offered
/// goes in a note that tracebacks print above the final line.
pub fn module_not_found(name: &str) -> PyErr {
    let err = PyErr::module_not_found(format!("No module named '{name}'"));
    if let PyErr::Exception(exc) = &err
        && let Object::Instance(instance) = &**exc
        && let Object::Dict(dict) = &*instance.dict
    {
        let hint = format!(
            "Threadline Python offers these modules: {}",
            modules::available().join(", ")
        );
        let mut map = dict.lock();
        for (key, value) in [
            (intern("__threadline_hint__"), Value::string(hint)),
            (intern("name"), Value::str(name)),
        ] {
            let hash = key.as_str().map_or(0, |s| s.hash());
            map.insert_new(hash, key, value);
        }
    }
    err
}
