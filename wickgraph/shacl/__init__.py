"""SHACL validation of data files against ``ontology/shapes.ttl``, reported as values.

Each graph is checked on its own (with the ontology alongside, so subclasses count), and
results are remembered by the file's content hash (:class:`ValidationCache`): a file that
passed once is not checked again until it changes or the shapes do.

Two engines give the same answers: the shapes compiled to SPARQL (:mod:`.compile`) and run
on a pyoxigraph store (:func:`validate_store`: every graph of a store at once, so ``build``
checks 10,000 reviews in about a second), and pySHACL (:mod:`.fallback`: one graph at a
time, about 40 ms each), used when the shapes need a SHACL feature the compiler does not
cover. The choice is made for the whole shapes file: one unsupported feature anywhere and
every graph goes to pySHACL, so no constraint is ever skipped silently.

The SHACL subset the compiler covers:

- targets: ``sh:targetClass`` only, instances of the ontology's subclasses included
  (``rdfs:subClassOf``); a data graph that declares subclasses of its own is checked
  by pySHACL;
- paths: a single predicate IRI (no sequence, inverse, alternative or ``*``/``+``/``?`` paths);
- cardinality: ``sh:minCount``, ``sh:maxCount``; in a property shape inside ``sh:or``, ``sh:and``
  or ``sh:not`` only 0 or 1;
- value type and range: ``sh:nodeKind`` (all six kinds), ``sh:datatype`` (lexical forms
  checked for ``xsd:integer``, ``decimal``, ``double``, ``float``, ``boolean``, ``date``,
  ``dateTime``, ``gYear``, ``gYearMonth``), ``sh:class``, ``sh:in``, ``sh:minInclusive``,
  ``sh:maxInclusive``, ``sh:minExclusive``, ``sh:maxExclusive``;
- strings: ``sh:minLength``, ``sh:maxLength``, ``sh:pattern`` (without ``sh:flags``);
- property pairs: ``sh:lessThan``;
- shapes: ``sh:property``, ``sh:node`` (at most 5 deep, not recursive), ``sh:or``, ``sh:and``,
  ``sh:not``;
- ``sh:deactivated``, and ``sh:severity`` (only ``sh:Violation`` results are reported);
- read and ignored: ``rdfs:label``, ``rdfs:comment``, ``sh:name``, ``sh:description``,
  ``sh:message``, ``sh:order``, ``sh:group``.

Anything else (``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:hasValue``,
``sh:closed``, ``sh:equals``, ``sh:disjoint``, ``sh:qualifiedValueShape``, ``sh:languageIn``,
``sh:uniqueLang``, SHACL-SPARQL, ...) makes the compiler give up (:class:`.compile.Unsupported`).
"""

from __future__ import annotations

from .cache import ValidationCache, shapes_digest
from .report import ValidationReport, Violation
from .run import validate_rdf, validate_store

__all__ = ["ValidationCache", "ValidationReport", "Violation", "shapes_digest", "validate_rdf", "validate_store"]
