//! The lab's code editor: CodeMirror, bundled apart (`editor.js`) and
//! imported when the lab first opens, so that the comparison's first load
//! does not pay for it.

use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::lab::run::ErrorMark;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// `import(url)`, through the boot script (`threadlineBoot.importModule`):
/// an inline snippet of this crate is written by both builds into one
/// output directory at once, and the page once got it empty.
fn import_module(url: &str) -> Result<js_sys::Promise, String> {
    let boot = js_sys::Reflect::get(&js_sys::global(), &"threadlineBoot".into())
        .map_err(|_| "the page has no boot script")?;
    let import: js_sys::Function = js_sys::Reflect::get(&boot, &"importModule".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("the page's boot script cannot import modules")?;
    import
        .call1(&JsValue::NULL, &url.into())
        .map(JsCast::unchecked_into)
        .map_err(|e| format!("the editor did not load: {e:?}"))
}

/// A mounted editor, driven through the bundle's handle.
struct Mounted {
    handle: JsValue,
    _on_change: Closure<dyn FnMut(String)>,
    _on_run: Closure<dyn FnMut()>,
}

impl Mounted {
    fn call(&self, method: &str, args: &[JsValue]) -> JsValue {
        let Ok(function) = js_sys::Reflect::get(&self.handle, &method.into()) else {
            return JsValue::UNDEFINED;
        };
        let function: js_sys::Function = function.unchecked_into();
        let args: js_sys::Array = args.iter().collect();
        function
            .apply(&self.handle, &args)
            .unwrap_or(JsValue::UNDEFINED)
    }

    fn text(&self) -> String {
        self.call("text", &[]).as_string().unwrap_or_default()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.call("destroy", &[]);
    }
}

/// The bundle's address, next to the page (a dynamic import resolves
/// against the importing script, which lives elsewhere).
fn bundle_url() -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base("editor.js", &base)
        .ok()
        .map(|url| url.href())
}

async fn mount(
    parent: web_sys::Element,
    text: String,
    on_change: Callback<String>,
    on_run: Callback<()>,
) -> Result<Mounted, String> {
    let url = bundle_url().ok_or("the page has no address")?;
    let module = JsFuture::from(import_module(&url)?)
        .await
        .map_err(|e| format!("the editor did not load: {e:?}"))?;
    let mount: js_sys::Function = js_sys::Reflect::get(&module, &"mountEditor".into())
        .map_err(|_| "the editor's bundle has no mountEditor")?
        .unchecked_into();
    let on_change = Closure::<dyn FnMut(String)>::new(move |text| on_change.emit(text));
    let on_run = Closure::<dyn FnMut()>::new(move || on_run.emit(()));
    let args: js_sys::Array = [
        parent.into(),
        JsValue::from_str(&text),
        on_change.as_ref().clone(),
        on_run.as_ref().clone(),
    ]
    .iter()
    .collect();
    let handle = mount
        .apply(&JsValue::NULL, &args)
        .map_err(|e| format!("the editor did not start: {e:?}"))?;
    Ok(Mounted {
        handle,
        _on_change: on_change,
        _on_run: on_run,
    })
}

/// Where one thread stands, for the replay's markers.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ThreadAt {
    /// The source line.
    pub line: u32,
    /// The thread's name.
    pub name: String,
    /// Its lane's colour.
    pub colour: String,
}

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The program to show (replaces the text when it changes from outside).
    pub text: AttrValue,
    /// The error to mark, if any.
    pub error: Option<ErrorMark>,
    /// Where each thread stands at the playhead.
    pub threads: Rc<Vec<ThreadAt>>,
    /// Hears every edit.
    pub on_change: Callback<String>,
    /// Ctrl/Cmd-Enter.
    pub on_run: Callback<()>,
}

/// The code editor.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let host = use_node_ref();
    let mounted = use_mut_ref(|| None::<Mounted>);
    let failure = use_state(|| None::<String>);
    let ready = use_state(|| false);
    {
        let (host, mounted, failure, ready) = (
            host.clone(),
            mounted.clone(),
            failure.clone(),
            ready.clone(),
        );
        let (text, on_change, on_run) = (
            props.text.to_string(),
            props.on_change.clone(),
            props.on_run.clone(),
        );
        use_effect_with((), move |_| {
            if let Some(parent) = host.cast::<web_sys::Element>() {
                let mounted = mounted.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match mount(parent, text, on_change, on_run).await {
                        Ok(editor) => {
                            *mounted.borrow_mut() = Some(editor);
                            ready.set(true);
                        }
                        Err(why) => failure.set(Some(why)),
                    }
                });
            }
            let mounted: Rc<RefCell<Option<Mounted>>> = mounted;
            move || drop(mounted.borrow_mut().take())
        });
    }
    use_sync_text(&mounted, &props.text, *ready);
    use_sync_marks(&mounted, props, *ready);
    html! {
        <div class="editor" data-testid="editor" data-ready={ready.to_string()}>
            <div class="editor-host" ref={host}></div>
            if let Some(why) = &*failure {
                <p class="error" role="alert">{ why.clone() }</p>
            }
        </div>
    }
}

/// Replaces the editor's text when the program changed from outside (a
/// lesson opened, the API ran another program), never while it is the
/// reader's own edit.
#[hook]
fn use_sync_text(mounted: &Rc<RefCell<Option<Mounted>>>, text: &AttrValue, ready: bool) {
    let mounted = mounted.clone();
    use_effect_with((text.clone(), ready), move |(text, _)| {
        if let Some(editor) = mounted.borrow().as_ref()
            && editor.text() != text.as_str()
        {
            editor.call("setText", &[JsValue::from_str(text)]);
        }
    });
}

#[hook]
fn use_sync_marks(mounted: &Rc<RefCell<Option<Mounted>>>, props: &EditorProps, ready: bool) {
    let mounted_error = mounted.clone();
    use_effect_with((props.error.clone(), ready), move |(error, _)| {
        if let Some(editor) = mounted_error.borrow().as_ref() {
            let (line, message) = error
                .as_ref()
                .map_or((0, String::new()), |e| (e.line, e.message.clone()));
            editor.call("markError", &[line.into(), message.into()]);
        }
    });
    let mounted = mounted.clone();
    use_effect_with((props.threads.clone(), ready), move |(threads, _)| {
        if let Some(editor) = mounted.borrow().as_ref() {
            let json = serde_json::to_string(&**threads).unwrap_or_else(|_| "[]".into());
            editor.call("showThreads", &[json.into()]);
        }
    });
}
