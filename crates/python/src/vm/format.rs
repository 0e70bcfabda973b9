//! Formatting that may run Python code: `format()`, `str.format`, and
//! `str % args`.

use super::Vm;
use crate::objects::format::{FormatSpec, format_float, format_int, format_str};
use crate::objects::int::as_int;
use crate::objects::names::names;
use crate::objects::types::lookup;
use crate::objects::{Args, Object, PyErr, PyResult, Value};

impl Vm {
    /// `format(value, spec)`.
    pub fn format_value(&mut self, value: &Value, spec: &str) -> PyResult {
        Ok(Value::string(self.format_text(value, spec)?))
    }

    /// `format(value, spec)` as text.
    pub fn format_text(&mut self, value: &Value, spec: &str) -> PyResult<String> {
        match value {
            Value::Bool(_) if spec.is_empty() => return self.str(value),
            Value::Float(f) => return format_float(*f, &FormatSpec::parse(spec)?),
            _ => {}
        }
        if let Some(n) = as_int(value)
            && !matches!(value, Value::Obj(o) if matches!(&**o, Object::Instance(_)))
        {
            return format_int(n, &FormatSpec::parse(spec)?);
        }
        if let Value::Obj(obj) = value {
            match &**obj {
                Object::Str(s) => return format_str(s.as_str(), &FormatSpec::parse(spec)?),
                Object::Instance(_) => {
                    if let Some(method) = lookup(value.class(), &names().__format__)
                        && !matches!(method, Value::Native(_))
                    {
                        let result = self.call(&method, &[value.clone(), Value::str(spec)])?;
                        return result
                            .as_str()
                            .map(|s| s.as_str().to_string())
                            .ok_or_else(|| {
                                PyErr::type_error(format!(
                                    "__format__ must return a str, not {}",
                                    result.type_name()
                                ))
                            });
                    }
                }
                _ => {}
            }
        }
        if spec.is_empty() {
            return self.str(value);
        }
        if matches!(value, Value::Obj(o) if matches!(&**o, Object::Instance(_))) {
            let text = self.str(value)?;
            if lookup(value.class(), &names().__str__)
                .is_some_and(|m| !matches!(m, Value::Native(_)))
            {
                return Err(PyErr::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    value.type_name()
                )));
            }
            let _ = text;
        }
        Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            value.type_name()
        )))
    }

    /// `template.format(*args, **kwargs)`.
    pub fn str_format(&mut self, template: &str, args: Args<'_>) -> PyResult<String> {
        let positional = &args.positional()[1..];
        let mut out = String::new();
        let mut auto_index = 0usize;
        let mut chars = template.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if matches!(chars.peek(), Some((_, '{'))) => {
                    chars.next();
                    out.push('{');
                }
                '}' if matches!(chars.peek(), Some((_, '}'))) => {
                    chars.next();
                    out.push('}');
                }
                '}' => {
                    return Err(PyErr::value_error(
                        "Single '}' encountered in format string",
                    ));
                }
                '{' => {
                    let end = find_field_end(template, i + 1)
                        .ok_or_else(|| PyErr::value_error("expected '}' before end of string"))?;
                    let field = &template[i + 1..end];
                    while chars.peek().is_some_and(|(j, _)| *j <= end) {
                        chars.next();
                    }
                    out.push_str(&self.replacement_field(
                        field,
                        positional,
                        &args,
                        &mut auto_index,
                    )?);
                }
                other => out.push(other),
            }
        }
        Ok(out)
    }

    fn replacement_field(
        &mut self,
        field: &str,
        positional: &[Value],
        args: &Args<'_>,
        auto_index: &mut usize,
    ) -> PyResult<String> {
        let (name_part, spec) = split_top(field, ':');
        let (name_part, conversion) = match name_part.rfind('!') {
            Some(p) => (&name_part[..p], name_part[p + 1..].chars().next()),
            None => (name_part, None),
        };
        let first_end = name_part.find(['.', '[']).unwrap_or(name_part.len());
        let first = &name_part[..first_end];
        let mut value = if first.is_empty() {
            let v = positional.get(*auto_index).cloned().ok_or_else(|| {
                PyErr::index_error(format!(
                    "Replacement index {} out of range for positional args tuple",
                    *auto_index
                ))
            })?;
            *auto_index += 1;
            v
        } else if let Ok(index) = first.parse::<usize>() {
            positional.get(index).cloned().ok_or_else(|| {
                PyErr::index_error(format!(
                    "Replacement index {index} out of range for positional args tuple"
                ))
            })?
        } else {
            args.keyword(first)
                .cloned()
                .ok_or_else(|| PyErr::key_error(Value::str(first)))?
        };
        let mut rest = &name_part[first_end..];
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('.') {
                let end = after.find(['.', '[']).unwrap_or(after.len());
                value = self.getattr(&value, &crate::objects::names::intern(&after[..end]))?;
                rest = &after[end..];
            } else if let Some(after) = rest.strip_prefix('[') {
                let end = after
                    .find(']')
                    .ok_or_else(|| PyErr::value_error("Missing ']' in format string"))?;
                let key_text = &after[..end];
                let key = key_text
                    .parse::<i64>()
                    .map(Value::Int)
                    .unwrap_or_else(|_| Value::str(key_text));
                value = self.getitem(&value, &key)?;
                rest = &after[end + 1..];
            } else {
                break;
            }
        }
        let value = match conversion {
            Some('r') => self.repr_value(&value)?,
            Some('s') => self.str_value(&value)?,
            Some('a') => Value::string(crate::objects::str_methods::ascii_of(&self.repr(&value)?)),
            Some(other) => {
                return Err(PyErr::value_error(format!(
                    "Unknown conversion specifier {other}"
                )));
            }
            None => value,
        };
        let spec = if spec.contains('{') {
            self.str_format(spec, *args)?
        } else {
            spec.to_string()
        };
        self.format_text(&value, &spec)
    }

    /// `template % values`.
    pub fn percent_format(&mut self, template: &Value, values: &Value) -> PyResult {
        let text = template.as_str().map_or("", |s| s.as_str()).to_string();
        let mapping = matches!(values, Value::Obj(o) if matches!(&**o, Object::Dict(_)))
            || matches!(values, Value::Obj(o) if matches!(&**o, Object::Instance(_)) && super::containers::dict_of(o).is_some());
        let items: Vec<Value> = match values.as_tuple() {
            Some(items) => items.to_vec(),
            None => vec![values.clone()],
        };
        let mut next = 0usize;
        let mut out = String::new();
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != '%' {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            i += 1;
            let (piece, consumed) =
                self.percent_directive(&chars[i..], &items, &mut next, values, mapping)?;
            out.push_str(&piece);
            i += consumed;
        }
        if next < items.len() && !mapping {
            return Err(PyErr::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(Value::string(out))
    }

    fn percent_directive(
        &mut self,
        chars: &[char],
        items: &[Value],
        next: &mut usize,
        whole: &Value,
        mapping: bool,
    ) -> PyResult<(String, usize)> {
        let mut i = 0;
        let mut take = |vm: &mut Vm, key: Option<String>| -> PyResult<Value> {
            if let Some(key) = key {
                return vm.getitem(whole, &Value::string(key));
            }
            let v = items
                .get(*next)
                .cloned()
                .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
            *next += 1;
            Ok(v)
        };
        let mut key = None;
        if chars.first() == Some(&'(') {
            let end = chars
                .iter()
                .position(|&c| c == ')')
                .ok_or_else(|| PyErr::value_error("incomplete format key"))?;
            key = Some(chars[1..end].iter().collect::<String>());
            i = end + 1;
        }
        let _ = mapping;
        let mut flags = String::new();
        while let Some(&c) = chars.get(i) {
            if "-+ #0".contains(c) {
                flags.push(c);
                i += 1;
            } else {
                break;
            }
        }
        let mut width = String::new();
        if chars.get(i) == Some(&'*') {
            let star = take(self, None)?;
            width = self.to_index(&star)?.to_string();
            i += 1;
        }
        while let Some(&c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            width.push(c);
            i += 1;
        }
        let mut precision = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                let star = take(self, None)?;
                precision = Some(self.to_index(&star)?.max(0) as usize);
                i += 1;
            } else {
                let mut p = String::new();
                while let Some(&c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                    p.push(c);
                    i += 1;
                }
                precision = Some(p.parse::<usize>().unwrap_or(0));
            }
        }
        let Some(&kind) = chars.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        if kind == '%' {
            return Ok(("%".into(), i));
        }
        let value = take(self, key)?;
        let align = if flags.contains('-') { "<" } else { ">" };
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let zero = if flags.contains('0') && !flags.contains('-') {
            "0"
        } else {
            ""
        };
        let alt = if flags.contains('#') { "#" } else { "" };
        let precision_text = precision.map(|p| format!(".{p}")).unwrap_or_default();
        let piece = match kind {
            's' | 'r' | 'a' => {
                let text = match kind {
                    's' => self.str(&value)?,
                    'r' => self.repr(&value)?,
                    _ => crate::objects::str_methods::ascii_of(&self.repr(&value)?),
                };
                let spec = format!("{align}{width}{precision_text}");
                format_str(&text, &FormatSpec::parse(&spec)?)?
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let number = match &value {
                    Value::Float(f) => crate::objects::int::from_float(*f)?,
                    other if as_int(other).is_some() => other.clone(),
                    other => {
                        return Err(PyErr::type_error(format!(
                            "%{kind} format: a real number is required, not {}",
                            other.type_name()
                        )));
                    }
                };
                let letter = if matches!(kind, 'i' | 'u') { 'd' } else { kind };
                let spec = format!(
                    "{}{sign}{alt}{zero}{width}{letter}",
                    if zero.is_empty() { align } else { "" }
                );
                let n = as_int(&number).ok_or_else(|| PyErr::type_error("expected a number"))?;
                format_int(n, &FormatSpec::parse(&spec)?)?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let number = crate::objects::float::as_float(&value).ok_or_else(|| {
                    PyErr::type_error(format!("must be real number, not {}", value.type_name()))
                })??;
                let spec = format!(
                    "{}{sign}{alt}{zero}{width}{}{kind}",
                    if zero.is_empty() { align } else { "" },
                    precision
                        .map(|p| format!(".{p}"))
                        .unwrap_or_else(|| ".6".into())
                );
                format_float(number, &FormatSpec::parse(&spec)?)?
            }
            'c' => {
                let text = match (&value, as_int(&value)) {
                    (_, Some(n)) => char::from_u32(n.to_i64().unwrap_or(-1) as u32)
                        .map(|c| c.to_string())
                        .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?,
                    (v, None) => v
                        .as_str()
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default(),
                };
                format_str(&text, &FormatSpec::parse(&format!("{align}{width}"))?)?
            }
            other => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        };
        Ok((piece, i))
    }
}

/// Where a replacement field's closing `}` is (nested braces allowed).
fn find_field_end(text: &str, start: usize) -> Option<usize> {
    let mut depth = 1;
    for (offset, c) in text[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + offset);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits at the first `sep` outside brackets.
fn split_top(field: &str, sep: char) -> (&str, &str) {
    let mut depth = 0;
    for (i, c) in field.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if c == sep && depth == 0 => return (&field[..i], &field[i + 1..]),
            _ => {}
        }
    }
    (field, "")
}
