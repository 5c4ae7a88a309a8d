//! Views into template values, leaving out the struct fields no template of the
//! file names: on a large catalog most of a view's fields serve other targets,
//! and every one kept is an allocation per code.
//!
//! Only struct fields are dropped (and the fields of flattened structs, which serde
//! writes as maps of unknown length); the keys of real maps, such as a target's
//! `options`, are data that templates index with variables, so they are all kept.

use serde::ser::{self, Serialize, Serializer};
use tera::Value;

use super::scan::Names;

mod probe;

/// `value` as a template value with only the fields named in `keep`.
pub fn to_value<T: Serialize>(value: &T, keep: &Names) -> tera::TeraResult<Value> {
    Value::try_from_serializable(&Filtered { value, keep })
}

struct Filtered<'a, T: ?Sized> {
    value: &'a T,
    keep: &'a Names,
}

impl<T: Serialize + ?Sized> Serialize for Filtered<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A struct none of whose fields the templates name is kept whole, not emptied:
        // `{% if e.deprecated %}` must see it, and an empty map is false.
        if probe::names_no_field(self.value, self.keep) {
            return self.value.serialize(s);
        }
        self.value.serialize(Filter {
            inner: s,
            keep: self.keep,
        })
    }
}

/// A serializer that passes everything to `inner` but the fields `keep` lacks.
struct Filter<'a, S> {
    inner: S,
    keep: &'a Names,
}

/// A compound (sequence, struct, map…) being written, whose elements are filtered too.
struct Compound<'a, C> {
    inner: C,
    keep: &'a Names,
    /// For a flattened struct: whether the entry whose key was just seen is kept.
    filter_keys: bool,
    skip_value: bool,
}

impl<'a, C> Compound<'a, C> {
    fn new(inner: C, keep: &'a Names) -> Self {
        Compound {
            inner,
            keep,
            filter_keys: false,
            skip_value: false,
        }
    }

    fn wrap<'v, T: ?Sized>(&self, value: &'v T) -> Filtered<'v, T>
    where
        'a: 'v,
    {
        Filtered {
            value,
            keep: self.keep,
        }
    }
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $method(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
            self.inner.$method($($arg),*)
        })*
    };
}

impl<'a, S: Serializer> Serializer for Filter<'a, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<'a, S::SerializeSeq>;
    type SerializeTuple = Compound<'a, S::SerializeTuple>;
    type SerializeTupleStruct = Compound<'a, S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<'a, S::SerializeTupleVariant>;
    type SerializeMap = Compound<'a, S::SerializeMap>;
    type SerializeStruct = Compound<'a, S::SerializeStruct>;
    type SerializeStructVariant = Compound<'a, S::SerializeStructVariant>;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.inner.serialize_some(&Filtered {
            value,
            keep: self.keep,
        })
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_newtype_struct(
            name,
            &Filtered {
                value,
                keep: self.keep,
            },
        )
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_newtype_variant(
            name,
            index,
            variant,
            &Filtered {
                value,
                keep: self.keep,
            },
        )
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Ok(Compound::new(self.inner.serialize_seq(len)?, self.keep))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Ok(Compound::new(self.inner.serialize_tuple(len)?, self.keep))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Ok(Compound::new(
            self.inner.serialize_tuple_struct(name, len)?,
            self.keep,
        ))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        Ok(Compound::new(
            self.inner
                .serialize_tuple_variant(name, index, variant, len)?,
            self.keep,
        ))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        let mut c = Compound::new(self.inner.serialize_map(len)?, self.keep);
        // serde writes a struct with a `#[serde(flatten)]` field as a map of unknown length.
        c.filter_keys = len.is_none();
        Ok(c)
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(Compound::new(
            self.inner.serialize_struct(name, len)?,
            self.keep,
        ))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Ok(Compound::new(
            self.inner
                .serialize_struct_variant(name, index, variant, len)?,
            self.keep,
        ))
    }
}

macro_rules! elements {
    ($($trait:ident, $method:ident;)*) => {
        $(impl<C: ser::$trait> ser::$trait for Compound<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
                let v = self.wrap(value);
                self.inner.$method(&v)
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        })*
    };
}

elements! {
    SerializeSeq, serialize_element;
    SerializeTuple, serialize_element;
    SerializeTupleStruct, serialize_field;
    SerializeTupleVariant, serialize_field;
}

macro_rules! fields {
    ($($trait:ident;)*) => {
        $(impl<C: ser::$trait> ser::$trait for Compound<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), C::Error> {
                if !self.keep.contains(key) {
                    return Ok(());
                }
                let v = self.wrap(value);
                self.inner.serialize_field(key, &v)
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        })*
    };
}

fields! {
    SerializeStruct;
    SerializeStructVariant;
}

impl<C: ser::SerializeMap> ser::SerializeMap for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), C::Error> {
        if self.filter_keys {
            let name = serde_json::to_value(key).ok();
            self.skip_value = name
                .as_ref()
                .and_then(serde_json::Value::as_str)
                .is_some_and(|k| !self.keep.contains(k));
            if self.skip_value {
                return Ok(());
            }
        }
        self.inner.serialize_key(key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        if std::mem::take(&mut self.skip_value) {
            return Ok(());
        }
        let v = self.wrap(value);
        self.inner.serialize_value(&v)
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::{Names, to_value};

    #[derive(Serialize)]
    struct Inner {
        used: u8,
        unused: u8,
    }

    #[derive(Serialize)]
    struct Outer {
        #[serde(flatten)]
        inner: Inner,
        list: Vec<Inner>,
        skipped: String,
        options: BTreeMap<String, u8>,
    }

    #[test]
    fn keeps_named_fields_and_every_map_key() {
        let mut names = Names::default();
        names.add("{{ x.used }} {% for i in list %}{{ options[k] }}{% endfor %}");
        let v = Outer {
            inner: Inner { used: 1, unused: 2 },
            list: vec![Inner { used: 3, unused: 4 }],
            skipped: "x".into(),
            options: BTreeMap::from([("any".to_string(), 5)]),
        };
        let text = to_value(&v, &names).unwrap().to_string();
        assert!(text.contains("used") && text.contains("any"), "{text}");
        assert!(
            !text.contains("unused") && !text.contains("skipped"),
            "{text}"
        );
    }

    #[derive(Serialize)]
    struct Deprecated {
        reason: String,
        replaced_by: Option<String>,
    }

    #[derive(Serialize)]
    struct Entry {
        name: String,
        deprecated: Option<Deprecated>,
    }

    /// A struct only tested for presence keeps its fields: an emptied one would be false.
    #[test]
    fn a_struct_whose_fields_no_template_names_is_kept_whole() {
        let mut names = Names::default();
        names.add("{{ e.name }}{% if e.deprecated %}!{% endif %}");
        let e = Entry {
            name: "OLD".into(),
            deprecated: Some(Deprecated {
                reason: "gone".into(),
                replaced_by: None,
            }),
        };
        let text = to_value(&e, &names).unwrap().to_string();
        assert!(
            text.contains("gone") && text.contains("replaced_by"),
            "{text}"
        );
        names.add("{{ e.deprecated.reason }}");
        let text = to_value(&e, &names).unwrap().to_string();
        assert!(
            text.contains("gone") && !text.contains("replaced_by"),
            "{text}"
        );
    }
}
