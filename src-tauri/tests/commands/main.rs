//! One declaration per command: the `#[tauri::command]` functions in
//! `src/commands/*.rs` are the only place a command is written. From them this
//! test generates the handler list (`src/commands/handlers.rs`) and one typed
//! TypeScript wrapper per command (`ui/src/lib/commands.ts`), and fails when
//! the committed files differ. `UPDATE_BINDINGS=1` rewrites them (as for the
//! type bindings: `make bindings` does both).
//!
//! Wrappers are named in camelCase and pass their arguments under camelCase
//! names, as Tauri expects; the shell's own parameters (state, app handle,
//! window) are left out. Rust types map to the ts-rs types of `bindings.ts`:
//! strings and dates to `string`, numbers to `number`, `Option<T>` to
//! `T | null` (trailing ones default to `null`), `Vec<T>` to `T[]`, tuples to
//! tuples, `()` to `void`, `tauri::ipc::Channel<T>` (a stream to the window,
//! e.g. an async command's progress) to the `Channel<T>` of
//! `@tauri-apps/api/core`, named types by name. Async commands are written
//! like the others: the wrapper's promise resolves when the command ends. A
//! command's doc comment becomes its wrapper's.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use syn::{Attribute, Expr, FnArg, GenericArgument, Item, Lit, Meta, Pat, PathArguments, ReturnType, Type};

/// Parameters Tauri fills in itself, by the last segment of their type.
const INJECTED: [&str; 6] = ["State", "AppState", "AppHandle", "Window", "WebviewWindow", "Webview"];
/// Rust types that cross as numbers.
const NUMBERS: [&str; 14] =
    ["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64"];
/// Rust types that cross as strings.
const STRINGS: [&str; 6] = ["String", "str", "NaiveDate", "NaiveTime", "NaiveDateTime", "DateTime"];

/// Tauri's channel (`tauri::ipc::Channel<T>`, a stream from the command to
/// the window): the wrapper takes the `Channel` of `@tauri-apps/api/core`.
const CHANNEL: &str = "Channel";

/// A command as declared in Rust.
struct Command {
    /// Its module in `src/commands/`.
    area: String,
    /// The function's name, which is the command's name.
    name: String,
    /// Its doc comment, one entry per line.
    docs: Vec<String>,
    /// The arguments the window passes: name and type.
    args: Vec<(String, Type)>,
    /// What it returns, `AppResult` unwrapped.
    output: Option<Type>,
}

fn shell_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every command, by area (file name) and then in file order.
fn commands() -> Vec<Command> {
    let dir = shell_dir().join("src/commands");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| !["mod.rs", "handlers.rs"].contains(&p.file_name().unwrap().to_str().unwrap()))
        .collect();
    files.sort();
    files.iter().flat_map(|path| commands_in(path)).collect()
}

fn commands_in(path: &Path) -> Vec<Command> {
    let area = path.file_stem().unwrap().to_str().unwrap().to_string();
    let file = syn::parse_file(&std::fs::read_to_string(path).unwrap()).unwrap();
    file.items
        .into_iter()
        .filter_map(|item| match item {
            Item::Fn(f) if f.attrs.iter().any(is_command) => Some(f),
            _ => None,
        })
        .map(|f| {
            let name = f.sig.ident.to_string();
            let docs = docs(&f.attrs);
            assert!(!docs.is_empty(), "the command {area}::{name} has no doc comment");
            let args = f.sig.inputs.iter().filter_map(|arg| passed_arg(&area, &name, arg)).collect();
            let output = match f.sig.output {
                ReturnType::Default => None,
                ReturnType::Type(_, ty) => Some(unwrap_result(*ty)),
            };
            Command { area: area.clone(), name, docs, args, output }
        })
        .collect()
}

fn is_command(attr: &Attribute) -> bool {
    let segments: Vec<String> = attr.path().segments.iter().map(|s| s.ident.to_string()).collect();
    if segments != ["tauri", "command"] {
        return false;
    }
    assert!(matches!(attr.meta, Meta::Path(_)), "#[tauri::command] options are not supported by the generator");
    true
}

fn docs(attrs: &[Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(l) => match &l.lit {
                    Lit::Str(s) => Some(s.value().trim().to_string()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// The argument the window passes, or `None` for one Tauri fills in.
fn passed_arg(area: &str, command: &str, arg: &FnArg) -> Option<(String, Type)> {
    let FnArg::Typed(arg) = arg else { panic!("the command {area}::{command} takes self") };
    if INJECTED.contains(&last_segment(&arg.ty).as_str()) {
        return None;
    }
    let Pat::Ident(name) = &*arg.pat else { panic!("an argument of {area}::{command} is not a plain name") };
    Some((name.ident.to_string(), (*arg.ty).clone()))
}

fn last_segment(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default(),
        Type::Reference(r) => last_segment(&r.elem),
        _ => String::new(),
    }
}

/// `T` for `AppResult<T>` or `Result<T, _>`, else the type itself.
fn unwrap_result(ty: Type) -> Type {
    if ["AppResult", "Result"].contains(&last_segment(&ty).as_str()) {
        return generic_args(&ty).into_iter().next().expect("a Result without its type");
    }
    ty
}

fn generic_args(ty: &Type) -> Vec<Type> {
    let Type::Path(p) = ty else { return vec![] };
    match &p.path.segments.last().unwrap().arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t.clone()),
                _ => None,
            })
            .collect(),
        _ => vec![],
    }
}

/// The TypeScript type of a Rust type; named types are added to `named`.
fn ts_type(ty: &Type, named: &mut BTreeSet<String>) -> String {
    match ty {
        Type::Reference(r) => ts_type(&r.elem, named),
        Type::Paren(p) => ts_type(&p.elem, named),
        Type::Tuple(t) if t.elems.is_empty() => "void".into(),
        Type::Tuple(t) => format!("[{}]", t.elems.iter().map(|e| ts_type(e, named)).collect::<Vec<_>>().join(", ")),
        Type::Path(_) => {
            let name = last_segment(ty);
            let args = generic_args(ty);
            match name.as_str() {
                "bool" => "boolean".into(),
                n if NUMBERS.contains(&n) => "number".into(),
                n if STRINGS.contains(&n) => "string".into(),
                "Option" => format!("{} | null", ts_type(&args[0], named)),
                "Channel" => {
                    named.insert(CHANNEL.into());
                    format!("Channel<{}>", ts_type(&args[0], named))
                }
                "Vec" => {
                    let inner = ts_type(&args[0], named);
                    if inner.contains('|') { format!("({inner})[]") } else { format!("{inner}[]") }
                }
                _ => {
                    assert!(args.is_empty(), "the generic type {name} has no TypeScript mapping");
                    named.insert(name.clone());
                    name
                }
            }
        }
        _ => panic!("a command's type has no TypeScript mapping"),
    }
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    for (i, part) in snake.split('_').enumerate() {
        let mut chars = part.chars();
        match chars.next() {
            Some(c) if i > 0 => out.extend(c.to_uppercase().chain(chars)),
            Some(c) => out.extend(std::iter::once(c).chain(chars)),
            None => {}
        }
    }
    out
}

fn is_option(ty: &Type) -> bool {
    last_segment(ty) == "Option"
}

/// `src/commands/handlers.rs`: the handler list for `invoke_handler`.
fn rust_handlers(commands: &[Command]) -> String {
    let mut out = String::from(
        "//! Generated by `tests/commands` from the `#[tauri::command]` functions of\n\
         //! this folder: do not edit. After adding or changing a command, run\n\
         //! `make bindings` (`UPDATE_BINDINGS=1 cargo test -p waymark --test commands`).\n\
         \n\
         /// Expands to the handler of every command (see `super::handler`).\n\
         macro_rules! every_command {\n    () => {\n        tauri::generate_handler![\n",
    );
    for c in commands {
        writeln!(out, "            crate::commands::{}::{},", c.area, c.name).unwrap();
    }
    out.push_str("        ]\n    };\n}\n\npub(super) use every_command;\n");
    out
}

/// `ui/src/lib/commands.ts`: one typed wrapper per command.
fn typescript(commands: &[Command], known: &BTreeSet<String>) -> String {
    let mut named = BTreeSet::new();
    let mut body = String::new();
    let mut area = "";
    for c in commands {
        if c.area != area {
            area = &c.area;
            writeln!(body, "\n  // {area} (src-tauri/src/commands/{area}.rs)").unwrap();
        }
        writeln!(body, "  /** {} */", c.docs.join(" ").replace("*/", "*\\/")).unwrap();
        body.push_str(&wrapper(c, &mut named));
    }
    let channel = if named.remove(CHANNEL) { "import type { Channel } from \"@tauri-apps/api/core\";\n" } else { "" };
    for name in &named {
        assert!(known.contains(name), "{name}, used by a command, is not exported by ui/src/lib/bindings.ts");
    }
    let imports: String = named.into_iter().map(|n| format!("  {n},\n")).collect();
    format!(
        "// Generated by `cargo test -p waymark --test commands` from the #[tauri::command]\n\
         // functions in src-tauri/src/commands/: do not edit. After adding or changing a\n\
         // command, run `make bindings` (UPDATE_BINDINGS=1 cargo test -p waymark --test commands).\n\
         {channel}import type {{\n{imports}}} from \"./bindings\";\n\
         import {{ call }} from \"./call\";\n\
         \n\
         /** One typed call per desktop command; a failure rejects with an AppError. */\n\
         export const commands = {{{body}}};\n"
    )
}

fn wrapper(c: &Command, named: &mut BTreeSet<String>) -> String {
    let optional_from = c.args.iter().rposition(|(_, ty)| !is_option(ty)).map_or(0, |i| i + 1);
    let params: Vec<String> = c
        .args
        .iter()
        .enumerate()
        .map(|(i, (name, ty))| {
            let default = if i >= optional_from { " = null" } else { "" };
            format!("{}: {}{default}", camel(name), ts_type(ty, named))
        })
        .collect();
    let output = c.output.as_ref().map_or("void".to_string(), |t| ts_type(t, named));
    let names: Vec<String> = c.args.iter().map(|(n, _)| camel(n)).collect();
    let args = if names.is_empty() { String::new() } else { format!(", {{ {} }}", names.join(", ")) };
    let head = format!("  {}: ({}) =>", camel(&c.name), params.join(", "));
    let call = format!("call<{output}>(\"{}\"{args}),", c.name);
    if head.len() + 1 + call.len() <= 120 { format!("{head} {call}\n") } else { format!("{head}\n    {call}\n") }
}

/// The type names `bindings.ts` exports.
fn exported_types(bindings: &str) -> BTreeSet<String> {
    bindings
        .lines()
        .filter_map(|l| l.strip_prefix("export type "))
        .filter_map(|rest| rest.split(|c: char| !c.is_alphanumeric() && c != '_').next())
        .map(str::to_string)
        .collect()
}

/// Compares `fresh` with the committed file, rewriting it first with `UPDATE_BINDINGS`.
fn check(path: &Path, fresh: &str) {
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(path, fresh).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale; run `make bindings` (UPDATE_BINDINGS=1 cargo test -p waymark --test commands)",
        path.display()
    );
}

#[test]
fn the_handler_list_and_the_typescript_wrappers_are_up_to_date() {
    let commands = commands();
    assert!(commands.len() > 50, "found only {} commands", commands.len());
    let mut names = BTreeSet::new();
    for c in &commands {
        assert!(names.insert(&c.name), "two commands are named {}", c.name);
    }
    let lib = shell_dir().join("../ui/src/lib");
    let known = exported_types(&std::fs::read_to_string(lib.join("bindings.ts")).unwrap());
    check(&shell_dir().join("src/commands/handlers.rs"), &rust_handlers(&commands));
    check(&lib.join("commands.ts"), &typescript(&commands, &known));
}

#[test]
fn rust_types_map_to_the_typescript_of_the_bindings() {
    let mut named = BTreeSet::new();
    let ts = |src: &str, named: &mut BTreeSet<String>| ts_type(&syn::parse_str::<Type>(src).unwrap(), named);
    assert_eq!(ts("Option<Vec<(String, Answer)>>", &mut named), "[string, Answer][] | null");
    assert_eq!(ts("Vec<Option<u32>>", &mut named), "(number | null)[]");
    assert_eq!(ts("DateTime<Utc>", &mut named), "string");
    assert_eq!(ts("&str", &mut named), "string");
    assert_eq!(ts("()", &mut named), "void");
    assert_eq!(unwrap_result(syn::parse_str("AppResult<Vec<Task>>").unwrap()), syn::parse_str("Vec<Task>").unwrap());
    assert_eq!(ts("Channel<AiEvent>", &mut named), "Channel<AiEvent>");
    assert_eq!(named.into_iter().collect::<Vec<_>>(), ["AiEvent", "Answer", CHANNEL]);
    assert_eq!(camel("duration_ms"), "durationMs");
    assert_eq!(camel("goal_id"), "goalId");
}
