// The YAML tree built from yaml-cpp's events (model/yaml_tree.h): kinds, positions, aliases
// as copies, duplicate keys and the errors, each with its line and column.
#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <string>

#include "model/yaml_reader.h"
#include "model/yaml_split.h"
#include "model/yaml_tree.h"

namespace lp {
namespace {

constexpr YamlLimits kLimits{kMaxYamlDepth, kMaxYamlNodes};

// The parsed document; after a failure, that of an empty text (its root is null).
std::unique_ptr<const YamlDocument> parse_ok(const std::string& text) {
  YamlError error;
  std::unique_ptr<const YamlDocument> doc = parse_yaml(text, kLimits, error);
  EXPECT_TRUE(doc) << error.pos.line << ":" << error.pos.column << ": " << error.message;
  return doc ? std::move(doc) : parse_yaml("", kLimits, error);
}

YamlError parse_error(const std::string& text, const YamlLimits& limits = kLimits) {
  YamlError error;
  EXPECT_FALSE(parse_yaml(text, limits, error)) << text;
  return error;
}

std::string where(SourcePos p) { return std::to_string(p.line) + ":" + std::to_string(p.column); }

TEST(YamlTree, ScalarsNullsAndCollections) {
  const auto doc = parse_ok(
      "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: \"null\"\ng: '~'\nh: !!str null\ni: text\nj: [1, 2]\nk: {x: y}\n");
  const YamlNode& root = doc->root();
  ASSERT_TRUE(root.is_mapping());
  for (const char* key : {"a", "b", "c", "d", "e"}) EXPECT_TRUE(root.find(key)->is_null()) << key;
  EXPECT_EQ(root.find("a")->text(), "");
  for (const char* key : {"f", "g", "h", "i"}) EXPECT_TRUE(root.find(key)->is_scalar()) << key;
  EXPECT_EQ(root.find("f")->text(), "null");
  EXPECT_EQ(root.find("g")->text(), "~");
  EXPECT_EQ(root.find("h")->text(), "null");
  EXPECT_EQ(root.find("i")->text(), "text");
  ASSERT_TRUE(root.find("j")->is_sequence());
  EXPECT_EQ(root.find("j")->items().size(), 2u);
  EXPECT_EQ(root.find("j")->items()[1].text(), "2");
  EXPECT_EQ(root.find("j")->size(), 2u);
  EXPECT_TRUE(root.find("j")->entries().empty());
  ASSERT_TRUE(root.find("k")->is_mapping());
  EXPECT_EQ(root.find("k")->find("x")->text(), "y");
  EXPECT_TRUE(root.find("k")->items().empty());
  EXPECT_EQ(root.find("zz"), nullptr);
  EXPECT_EQ(root.find("i")->find("x"), nullptr);  // not a mapping
}

TEST(YamlTree, MappingsKeepTheirOrderAndANullKeyIsNotText) {
  const auto doc = parse_ok("z: 1\na: 2\nm: 3\n~: 4\n");
  const YamlNode& root = doc->root();
  std::string keys;
  for (const auto& [key, value] : root.entries()) keys += std::string(key.text()) + "=" + std::string(value.text()) + ";";
  EXPECT_EQ(keys, "z=1;a=2;m=3;=4;");
  EXPECT_EQ(root.find("~"), nullptr);
  EXPECT_EQ(root.find(""), nullptr);
  EXPECT_EQ(root.entries().size(), 4u);
}

TEST(YamlTree, ScalarStylesGiveTheirText) {
  const auto doc = parse_ok(
      "plain: a b\nsingle: 'it''s'\ndouble: \"tab\\there \\u00e9\"\nliteral: |\n  one\n  two\nfolded: >\n  one\n  two\n");
  const YamlNode& root = doc->root();
  EXPECT_EQ(root.find("plain")->text(), "a b");
  EXPECT_EQ(root.find("single")->text(), "it's");
  EXPECT_EQ(root.find("double")->text(), "tab\there \xC3\xA9");
  EXPECT_EQ(root.find("literal")->text(), "one\ntwo\n");
  EXPECT_EQ(root.find("folded")->text(), "one two\n");
}

TEST(YamlTree, PositionsAreOneBasedAndColumnsCountBytes) {
  const auto doc = parse_ok("title: x\nlist:\n  - a\n  - {b: c}\nline: {t: \"Caf\xC3\xA9 \xE2\x98\x95\", k: v}\n");
  const YamlNode& root = doc->root();
  EXPECT_EQ(where(root.pos()), "1:1");
  EXPECT_EQ(where(root.entries()[0].key.pos()), "1:1");
  EXPECT_EQ(where(root.find("title")->pos()), "1:8");
  EXPECT_EQ(where(root.find("list")->pos()), "3:3");
  EXPECT_EQ(where(root.find("list")->items()[1].pos()), "4:5");
  EXPECT_EQ(where(root.find("list")->items()[1].entries()[0].value.pos()), "4:9");
  // "Café ☕" is 6 characters and 9 bytes: the key after it is at byte column 24 (character 21).
  EXPECT_EQ(where(root.find("line")->entries()[1].key.pos()), "5:24");
}

TEST(YamlTree, PositionsAfterCrLfAndAByteOrderMark) {
  const auto doc = parse_ok("\xEF\xBB\xBF" "a: 1\r\nb: [x, \xC3\xA9, y]\r\n");
  const YamlNode& root = doc->root();
  EXPECT_EQ(where(root.find("a")->pos()), "1:4");
  EXPECT_EQ(where(root.find("b")->items()[2].pos()), "2:12");
}

TEST(YamlTree, AnEmptyValueIsNullWhereItIsMissing) {
  const auto doc = parse_ok("a:\nb: 1\n");
  const YamlNode& root = doc->root();
  EXPECT_TRUE(root.find("a")->is_null());
  EXPECT_EQ(where(root.find("a")->pos()), "1:3");
}

TEST(YamlTree, AnAliasIsACopyAtTheAliasPosition) {
  const auto doc = parse_ok("a: &x {b: [1, 2]}\nc: *x\nd: [*x, *x]\n");
  const YamlNode& root = doc->root();
  const YamlNode& a = *root.find("a");
  const YamlNode& c = *root.find("c");
  ASSERT_TRUE(c.is_mapping());
  EXPECT_NE(&a, &c);
  EXPECT_NE(&a.find("b")->items()[0], &c.find("b")->items()[0]);  // not shared
  EXPECT_EQ(c.find("b")->items()[1].text(), "2");
  EXPECT_EQ(where(a.pos()), "1:4");
  EXPECT_EQ(where(c.pos()), "2:4");                   // the copy stands where the alias is
  EXPECT_EQ(where(c.find("b")->pos()), "1:11");       // what it copies keeps its own place
  EXPECT_EQ(where(root.find("d")->items()[1].pos()), "3:9");
  EXPECT_EQ(root.find("d")->items()[1].find("b")->items().size(), 2u);
}

TEST(YamlTree, AnAliasMeansTheLatestAnchorOfItsName) {
  const auto doc = parse_ok("a: &x one\nb: &x two\nc: *x\nd: &y [&y inner, *y]\ne: *y\nf: &s {k: &x v}\ng: *x\n");
  const YamlNode& root = doc->root();
  EXPECT_EQ(root.find("c")->text(), "two");
  // Inside its list, *y is the scalar anchored after the list's own &y; after it, still that one.
  EXPECT_EQ(root.find("d")->items()[1].text(), "inner");
  EXPECT_EQ(root.find("e")->text(), "inner");
  EXPECT_EQ(root.find("g")->text(), "v");
}

TEST(YamlTree, AnAnchorIsFoundThroughOpenAndClosedCollections) {
  const auto doc = parse_ok(
      "a:\n"
      "  - x\n"
      "  - b:\n"
      "      - &deep [1, 2]\n"
      "      - c: *deep\n"  // its anchor's list is still open
      "  - *deep\n"          // and now closed
      "d: [[&s v], [w, *s]]\n"
      "e: " + std::string(40, '[') + "&far z" + std::string(40, ']') + "\n"
      "f: *far\n");
  const YamlNode& root = doc->root();
  const YamlNode& a = *root.find("a");
  EXPECT_EQ(a.items()[1].find("b")->items()[1].find("c")->items()[1].text(), "2");
  EXPECT_EQ(a.items()[2].items()[0].text(), "1");
  EXPECT_EQ(root.find("d")->items()[1].items()[1].text(), "v");
  EXPECT_EQ(root.find("f")->text(), "z");
}

TEST(YamlTree, AnAliasAsAKey) {
  const auto doc = parse_ok("k: &key name\n*key : value\n");
  const YamlNode& root = doc->root();
  EXPECT_EQ(root.find("name")->text(), "value");
}

TEST(YamlTree, AnUnknownAliasIsAnErrorWithItsPosition) {
  const YamlError e = parse_error("a: 1\nb: [x, *nope]\n");
  EXPECT_EQ(where(e.pos), "2:8");
  EXPECT_EQ(e.message, "alias '*nope' names no anchor before it ('&nope')");
}

TEST(YamlTree, AnAliasInsideTheNodeItNamesIsAnError) {
  const YamlError e = parse_error("a: &r [1, *r]\n");
  EXPECT_EQ(where(e.pos), "1:11");
  EXPECT_EQ(e.message, "alias '*r' is inside the node it names");
}

TEST(YamlTree, ADuplicateKeyIsAnErrorNamingBothPlaces) {
  YamlError e = parse_error("a: 1\nb:\n  c: 2\n  c: 3\n");
  EXPECT_EQ(where(e.pos), "4:3");
  EXPECT_EQ(e.message, "duplicate key 'c' (first at 3:3)");
  e = parse_error("{a: 1, \"a\": 2}\n");  // the same text, however quoted
  EXPECT_EQ(e.message, "duplicate key 'a' (first at 1:2)");
  e = parse_error("~: 1\nnull: 2\n");
  EXPECT_EQ(e.message, "duplicate null key (first at 1:1)");
  parse_ok("null: 1\n\"null\": 2\n[a]: 3\n[a]: 4\n");  // a null and a text; lists are not compared
}

TEST(YamlTree, ADuplicateKeyInALargeMapping) {
  std::string text;
  for (int i = 0; i < 500; ++i) text += "k" + std::to_string(i) + ": v\n";
  parse_ok(text);
  text += "k250: again\n";
  const YamlError e = parse_error(text);
  EXPECT_EQ(where(e.pos), "501:1");
  EXPECT_EQ(e.message, "duplicate key 'k250' (first at 251:1)");
}

TEST(YamlTree, TheFirstDuplicateInTheDocumentIsTheOneReported) {
  const YamlError e = parse_error("a: 1\na: 2\nb: {c: 1, c: 2}\n");
  EXPECT_EQ(where(e.pos), "2:1");
}

TEST(YamlTree, AnAliasCopyCountsTowardsTheLimits) {
  // The root, two keys and two lists are 5 nodes; the anchored list's items 3 more; each alias
  // copies a list of 4 nodes.
  const YamlLimits small{kMaxYamlDepth, 18};
  YamlError e;
  EXPECT_TRUE(parse_yaml("a: &x [1, 2, 3]\nb: [*x, *x]\n", small, e)) << e.message;  // 16 nodes
  e = parse_error("a: &x [1, 2, 3]\nb: [*x, *x, *x]\n", small);                     // 20 nodes
  EXPECT_EQ(where(e.pos), "2:13");
  EXPECT_EQ(e.message, "the document has more than 18 nodes once its aliases are expanded");
}

TEST(YamlTree, AnAliasCopyCountsTowardsTheDepth) {
  // 10 levels anchored at level 1, copied at level 60: the copy would reach level 69.
  const std::string text = "a: &deep " + std::string(10, '[') + std::string(10, ']') + "\nb: " + std::string(59, '[') +
                           "*deep" + std::string(59, ']') + "\n";
  const YamlError e = parse_error(text);
  EXPECT_EQ(e.message, "the document nests deeper than 64 levels");
  EXPECT_EQ(where(e.pos), "2:63");
}

TEST(YamlTree, InvalidYamlNamesTheProblemAndItsContext) {
  YamlError e = parse_error("report: {title: T\ncontent: x\n");
  EXPECT_EQ(where(e.pos), "2:8");
  // The problem in yaml-cpp's words; the collection it happened in, and where that began, in ours.
  EXPECT_EQ(e.message, "invalid YAML: end of map flow not found (in the flow mapping from 1:9)");
  e = parse_error("a:\n\tb: c\n");
  // yaml-cpp stops at the ':' after the tab (2:3); the tab is what to fix, so it is named.
  EXPECT_EQ(where(e.pos), "2:1");
  EXPECT_EQ(e.message, "invalid YAML: illegal map value (a tab: YAML indents with spaces only)");
  e = parse_error("a:\n  - x\n  - [y\n");
  EXPECT_EQ(where(e.pos), "4:1");
  EXPECT_EQ(e.message, "invalid YAML: end of sequence flow not found (in the flow list from 3:5)");
}

TEST(YamlTree, BytesThatAreNotUtf8AreAnErrorWithTheirPosition) {
  YamlError e = parse_error("a: ok\nb: caf\xFF\n");
  EXPECT_EQ(where(e.pos), "2:7");
  EXPECT_EQ(e.message, "invalid YAML: invalid leading UTF-8 octet (byte 0xFF)");
  e = parse_error("a: \x01\n");
  EXPECT_EQ(where(e.pos), "1:4");
  EXPECT_EQ(e.message, "invalid YAML: control characters are not allowed (U+0001)");
}

TEST(YamlTree, EveryKindOfBadUtf8IsFoundWhereItBegins) {
  // Past a long run of ASCII (read eight bytes at a time) and a line of other characters.
  const std::string before = "a: " + std::string(100, 'x') + "\nb: caf\xC3\xA9 \xE2\x98\x95\nc: ";
  const struct {
    std::string bad;
    const char* message;
  } cases[] = {
      {"\x80", "invalid leading UTF-8 octet (byte 0x80)"},
      {"\xC3(", "invalid trailing UTF-8 octet (byte 0x28)"},
      {"\xE2\x98", "incomplete UTF-8 octet sequence"},
      {"\xC0\xAF", "invalid length of a UTF-8 sequence (an overlong form)"},
      {"\xED\xA0\x80", "invalid Unicode character (U+D800)"},
      {"\xF4\x90\x80\x80", "invalid Unicode character (U+110000)"},
      {"\xC2\x9B", "control characters are not allowed (U+009B)"},
      {"\xEF\xBF\xBF", "control characters are not allowed (U+FFFF)"},
      {"\x7F", "control characters are not allowed (U+007F)"},
      {std::string(1, '\0'), "control characters are not allowed (U+0000)"},
  };
  for (const auto& c : cases) {
    const YamlError e = parse_error(before + c.bad);
    EXPECT_EQ(where(e.pos), "3:4") << c.message;
    EXPECT_EQ(e.message, std::string("invalid YAML: ") + c.message);
  }
  // Allowed: tab, carriage return, U+0085, U+00A0 and U+FFFD (the text may hold one itself).
  EXPECT_EQ(parse_ok("a: \"x\ty\"\r\nb: \xC2\x85 \xC2\xA0z \xEF\xBF\xBD\n")->root().find("b")->text(),
            "\xC2\x85 \xC2\xA0z \xEF\xBF\xBD");
  // A byte order mark is not counted in the first line's columns.
  EXPECT_EQ(where(parse_error("\xEF\xBB\xBF" "a: \xFF\n").pos), "1:4");
}

TEST(YamlTree, AMissingValueIsWhereItsKeyEnds) {
  const auto doc = parse_ok("a: # nothing\nb:\n\"c\" :\nd: &x\ne: ~\nf:");
  const YamlNode& root = doc->root();
  EXPECT_EQ(where(root.find("a")->pos()), "1:3");
  EXPECT_EQ(where(root.find("b")->pos()), "2:3");
  EXPECT_EQ(where(root.find("c")->pos()), "3:6");
  EXPECT_EQ(where(root.find("d")->pos()), "4:4");  // at its anchor
  EXPECT_EQ(where(root.find("e")->pos()), "5:4");
  EXPECT_EQ(where(root.find("f")->pos()), "6:3");
  for (const char* key : {"a", "b", "c", "d", "e", "f"}) EXPECT_TRUE(root.find(key)->is_null()) << key;
}

TEST(YamlTree, OnlyTheFirstDocumentIsRead) {
  const auto doc = parse_ok("a: 1\n---\nb: [unclosed\n");
  const YamlNode& root = doc->root();
  EXPECT_EQ(root.find("a")->text(), "1");
  EXPECT_EQ(root.find("b"), nullptr);
}

TEST(YamlTree, AStreamWithoutADocumentIsANullRoot) {
  for (const char* text : {"", "# only a comment\n", "---\n", "~\n"}) {
    const auto doc = parse_ok(text);
    EXPECT_TRUE(doc->root().is_null()) << text;
  }
  EXPECT_EQ(where(parse_ok("")->root().pos()), "1:1");
}

TEST(YamlTree, TextThatIsNotTheSourcesBytesIsKept) {
  // Folded lines, escapes, a scalar after its anchor and its alias' copy: none is a run of the
  // file's bytes as it stands.
  const auto doc = parse_ok("a: one\n  two\nb: \"x\\u0041\"\nc: &q 'it''s'\nd: *q\ne: |-\n  kept\n");
  const YamlNode& root = doc->root();
  EXPECT_EQ(root.find("a")->text(), "one two");
  EXPECT_EQ(root.find("b")->text(), "xA");
  EXPECT_EQ(root.find("c")->text(), "it's");
  EXPECT_EQ(root.find("d")->text(), "it's");
  EXPECT_EQ(root.find("e")->text(), "kept");
}

TEST(YamlTree, TheTreeOutlivesTheTextItWasGiven) {
  std::unique_ptr<const YamlDocument> doc;
  {
    std::string text = "title: \"" + std::string(100, 'x') + "\"\nshort: y\n";
    YamlError error;
    doc = parse_yaml(text, kLimits, error);
    text.assign(text.size(), '?');
  }
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root().find("title")->text(), std::string(100, 'x'));
  EXPECT_EQ(doc->root().find("short")->text(), "y");
}

}  // namespace
}  // namespace lp

namespace lp {
namespace {

// The tree as text: kinds, positions and text, every node.
void dump(const YamlNode& n, std::string& out) {
  out += std::to_string(static_cast<int>(n.kind())) + "@" + where(n.pos()) + "[" + std::string(n.text()) + "]";
  if (n.is_sequence())
    for (const YamlNode& item : n.items()) dump(item, out += " "), out += ";";
  for (const auto& [key, value] : n.entries()) dump(key, out += " "), dump(value, out += "="), out += ";";
}

// The tree as text, or the error; `used` is how many parts were parsed.
std::string parsed(const std::string& text, size_t parts, const YamlLimits& limits = kLimits, size_t* used = nullptr) {
  YamlError error;
  const auto doc = parse_yaml_in_parts(text, limits, error, parts);
  if (!doc) return "error " + where(error.pos) + " " + error.message;
  if (used) *used = doc->parts();
  std::string out;
  dump(doc->root(), out);
  return out;
}

// A report's shape: a few keys, then a long content list of items of every style.
std::string long_report(const std::string& extra = "") {
  std::string text = "\xEF\xBB\xBF" "report: {title: \"T\", editions: [booklet]}\r\n# a comment\ncontent:\n";
  for (int i = 0; i < 40; ++i) {
    text += "  - section:\n      title: 'S" + std::to_string(i) + "'\n      blocks:\n";
    text += "        - p: |\n            Literal\n            lines\n        - p: plain text\n            over two lines\n";
    text += "        - quote: {text: \"q \\u00e9\", by: B}\n        - list: [a, b, c]\n  # between items\n\n";
    if (i == 20) text += extra;
  }
  return text;
}

TEST(YamlTreeParts, PartsGiveTheSameTreeAsOneParse) {
  const std::string text = long_report();
  const std::string whole = parsed(text, 1);
  ASSERT_EQ(whole.substr(0, 5), "3@1:1") << whole;
  for (size_t parts : {2, 3, 4, 7}) {
    size_t used = 0;
    EXPECT_EQ(parsed(text, parts, kLimits, &used), whole) << parts;
    EXPECT_EQ(used, parts) << parts;
  }
  EXPECT_FALSE(content_cuts(text, 4).empty());
}

// The watch sees every scalar once, keys and values, whether the text is parsed whole or in parts
// on several threads.
TEST(YamlTreeParts, TheWatchSeesEveryScalarInEitherParse) {
  const std::string text = long_report();
  for (size_t parts : {1, 3}) {
    std::mutex mutex;
    std::multiset<std::string> seen;
    YamlError error;
    const auto doc = parse_yaml_in_parts(text, kLimits, error, parts, [&](std::string_view scalar) {
      std::lock_guard lock(mutex);
      seen.emplace(scalar);
    });
    ASSERT_TRUE(doc) << error.message;
    EXPECT_EQ(doc->parts(), parts);
    std::multiset<std::string> in_tree;
    auto walk = [&](auto&& self, const YamlNode& n) -> void {
      if (n.is_scalar()) in_tree.emplace(n.text());
      for (const YamlNode& item : n.items()) self(self, item);
      for (const auto& [key, value] : n.entries()) self(self, key), self(self, value);
    };
    walk(walk, doc->root());
    EXPECT_EQ(seen, in_tree) << parts;
    EXPECT_EQ(seen.count("S39"), 1u) << parts;
    EXPECT_EQ(seen.count("content"), 1u) << parts;
  }
}

TEST(YamlTreeParts, WhatCannotBeCutIsParsedWhole) {
  // An item-like line inside a quoted scalar and inside a flow list; an alias to an anchor of an
  // earlier part; a duplicate key, a limit and an error in a later part: all as one parse.
  for (const std::string& extra : std::vector<std::string>{"  - p: \"quoted\n  - not an item\"\n", "  - [a,\n  - b]\n",
                                  "  - p: *early\n", "  - {a: 1, a: 2}\n", "  - " + std::string(70, '[') + std::string(70, ']') + "\n",
                                  "  - p: [unclosed\n"}) {
    const std::string text = long_report(extra);
    std::string anchored = text;
    anchored.replace(anchored.find("title: 'S0'"), 11, "title: &early 'S0'");
    for (const std::string& t : {text, anchored}) {
      const std::string whole = parsed(t, 1);
      EXPECT_EQ(parsed(t, 4), whole) << extra;
    }
  }
  // The only line to cut at is inside a quoted scalar, or a flow list: the part before it fails,
  // and the text is parsed whole.
  for (const char* t : {"content:\n  - p: \"a\n  - b\"\n", "content:\n  - [a,\n  - b]\n"}) {
    ASSERT_EQ(content_cuts(t, 2).size(), 1u) << t;
    size_t used = 0;
    EXPECT_EQ(parsed(t, 2, kLimits, &used), parsed(t, 1)) << t;
    if (parsed(t, 1).substr(0, 5) != "error") {
      EXPECT_EQ(used, 1u) << t;
    }
  }
  EXPECT_EQ(parsed("content:\n  - p: \"a\n  - b\"\n", 2), "3@1:1[] 1@1:1[content]=2@2:3[] 3@2:5[] 1@2:5[p]=1@2:8[a - b];;;");
  const std::string text = long_report();
  const YamlLimits few{kMaxYamlDepth, 800};  // more than any one part holds, fewer than all
  EXPECT_EQ(parsed(text, 4, few), parsed(text, 1, few));
  EXPECT_EQ(parsed(text, 4, few).substr(0, 5), "error");
}

TEST(YamlTreeParts, OnlyAContentListAtTheEndIsCut) {
  EXPECT_TRUE(content_cuts("report: {}\ncontent:\n  - a\n  - b\nafter: 1\n", 2).empty());
  EXPECT_TRUE(content_cuts("content:\n- a\n- b\n", 2).empty());  // items at the margin
  EXPECT_TRUE(content_cuts("content: [a, b]\n", 2).empty());
  const auto cuts = content_cuts("report: {}\ncontent: # the blocks\n  - a\n  - b\n  - c\n  - d\n", 2);
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0].line, 5);
}

}  // namespace
}  // namespace lp
