//! Whether a value is a struct with fields of which the templates name none. The
//! value is walked only as far as its first named field: a serializer that stops
//! with an "error" as soon as it knows the answer, and never serializes a field's
//! value.

use serde::ser::{self, Impossible, Serialize, Serializer};

use super::Names;

/// True for a struct (or `Some` of one) with at least one field, none of which `keep`
/// holds; false for anything else.
pub fn names_no_field<T: Serialize + ?Sized>(value: &T, keep: &Names) -> bool {
    matches!(value.serialize(Probe { keep }), Err(Stop::NoneNamed))
}

/// Why the walk stopped: every answer is an "error", so that serde stops at once.
#[derive(Debug)]
enum Stop {
    /// A struct with fields, none named.
    NoneNamed,
    /// A named field, or not a struct: filter as usual.
    Filter,
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("probe")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Stop::Filter
    }
}

struct Probe<'a> {
    keep: &'a Names,
}

/// Fields of the struct being probed: the first named one ends the walk.
struct Fields<'a> {
    keep: &'a Names,
    any: bool,
}

impl Fields<'_> {
    fn field(&mut self, key: &str) -> Result<(), Stop> {
        if self.keep.contains(key) {
            return Err(Stop::Filter);
        }
        self.any = true;
        Ok(())
    }

    fn end(&self) -> Result<(), Stop> {
        Err(if self.any {
            Stop::NoneNamed
        } else {
            Stop::Filter
        })
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = Stop;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        _: &T,
    ) -> Result<(), Stop> {
        self.field(key)
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), Stop> {
        // A field left out of this value (`skip_serializing_if`) may be in another's.
        self.field(key)
    }

    fn end(self) -> Result<(), Stop> {
        Fields::end(&self)
    }
}

macro_rules! not_a_struct {
    ($($method:ident($($arg:ty),*);)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), Stop> {
            Err(Stop::Filter)
        })*
    };
}

impl<'a> Serializer for Probe<'a> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Impossible<(), Stop>;
    type SerializeTuple = Impossible<(), Stop>;
    type SerializeTupleStruct = Impossible<(), Stop>;
    type SerializeTupleVariant = Impossible<(), Stop>;
    type SerializeMap = Impossible<(), Stop>;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Impossible<(), Stop>;

    not_a_struct! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Stop> {
        Err(Stop::Filter)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Stop> {
        Err(Stop::Filter)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop::Filter)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop::Filter)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop::Filter)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop::Filter)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'a>, Stop> {
        Ok(Fields {
            keep: self.keep,
            any: false,
        })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop::Filter)
    }
}
