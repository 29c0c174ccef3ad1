//! Proptest generators (feature `proptest`), so users can property-test their own data and rule
//! sets against coord's engines.
