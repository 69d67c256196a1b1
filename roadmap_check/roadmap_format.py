"""The road-map file format as the loading stage reads it: the keys of a road map, an item, a
citation and a waiver, and the findings of reading a file and building its model (RM001-RM004,
RM006-RM008), declared here once for every reader (YAML, Word, Excel) and stage that makes them:
reading the file (``reading``, ``office``), building the model (``loading``, ``office.tables``),
choosing the rule set (the engine), a waiver's shape (``waivers``)."""

from __future__ import annotations

from roadmap_check.checks.base import NO_FIX, SAFE, Check, E, Family, W

RM001 = Check("RM001", "yaml-syntax", E, NO_FIX, (
    "rm001.encoding", "rm001.not_utf8", "rm001.not_utf8_cp1251", "rm001.empty", "rm001.nul",
    "rm001.no_document", "rm001.yaml", "rm001.yaml_context", "rm001.yaml_too_deep",
    "rm001.unreadable", "rm001.control_character", "rm001.control_character.hint",
    "hint.save_utf8",
    # a Word or Excel file that cannot be read as a road map (office/container.py)
    "office.legacy_doc", "office.legacy_doc.hint", "office.legacy_xls", "office.legacy_xls.hint",
    "office.encrypted", "office.encrypted.hint", "office.macros", "office.macros.hint",
    "office.odf_macros", "office.odf_macros.hint", "office.ole2", "office.ole2.hint", "office.not_office",
    "office.corrupt", "office.too_large", "office.bomb", "office.bad_xml", "office.dtd",
    "office.no_sheet", "office.too_many_cells"))
RM002 = Check("RM002", "duplicate-key", E, NO_FIX,
              ("rm002.duplicate_key", "rm002.duplicate_key.hint"))
RM003 = Check("RM003", "bad-structure", E, NO_FIX, (
    "rm003.many_documents", "rm003.many_documents.hint", "rm003.key_kind", "rm003.empty",
    "rm003.single", "rm003.entry_single", "rm003.value_or_list", "rm003.file_kind",
    "rm003.no_roadmap", "rm003.no_roadmap.hint", "rm003.no_items", "rm003.items_kind",
    "rm003.roadmap_kind", "rm003.roadmap_missing", "rm003.bad_status", "rm003.bad_language",
    "rm003.item_status", "rm003.item_status.hint",
    "rm003.item_kind", "rm003.item_missing", "rm003.no_party", "rm003.cites_kind",
    "rm003.citation_kind", "rm003.citation_no_framework", "rm003.waivers_kind",
    "rm003.waiver_kind", "rm003.waiver_no_check", "rm003.waiver_code",
    # a Word or Excel road map's table (office/tables.py)
    "rm003.office_no_table", "rm003.office_no_table.hint", "rm003.office_no_column",
    "rm003.office_no_column.hint", "rm003.office_empty_cell", "rm003.office_field.hint"))
RM004 = Check("RM004", "unknown-key", W, NO_FIX, (
    "rm004.unknown_key", "rm004.known_keys", "hint.did_you_mean",
    "rm004.office_column", "rm004.office_column_twice", "rm004.office_columns"))
RM006 = Check("RM006", "numeric-id", W, SAFE, ("rm006.numeric_id", "rm006.numeric_id.hint"))
RM007 = Check("RM007", "unsafe-yaml", E, SAFE, (
    "rm007.expansion", "rm007.recursive", "rm007.tag", "rm007.tag.hint", "rm007.merge_depth",
    "rm007.tag_text", "rm007.tag_text.hint"))
RM008 = Check("RM008", "unknown-ruleset", E, NO_FIX,
              ("rm008.unknown_ruleset", "rm008.unknown_ruleset.hint"))
FAMILY = Family("loading", (RM001, RM002, RM003, RM004, RM006, RM007, RM008))

TOP_KEYS = ("roadmap", "items")
ROADMAP_KEYS = ("id", "title", "version", "status", "date", "period", "language", "ruleset",
                "requires")
ITEM_KEYS = ("id", "title", "description", "section", "responsible", "participants", "start",
             "deadline", "outcome", "indicators", "depends_on", "status", "cites", "waivers")
CITATION_KEYS = ("framework", "provision")
WAIVER_KEYS = ("check", "framework", "reason", "until")
REQUIRED_ITEM_KEYS = ("id", "title", "responsible", "deadline")
