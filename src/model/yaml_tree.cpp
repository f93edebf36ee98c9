#include "model/yaml_tree.h"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "model/utf8_check.h"
#include "model/yaml_split.h"

namespace lp {

const std::vector<YamlNode>& YamlNode::no_children() {
  static const std::vector<YamlNode> none;
  return none;
}

const YamlNode* YamlNode::find(std::string_view key) const {
  if (kind_ != Kind::Mapping) return nullptr;
  for (size_t i = 0; i < children_.size(); i += 2)
    if (children_[i].kind_ == Kind::Scalar && children_[i].text_ == key) return &children_[i + 1];
  return nullptr;
}

namespace {

// yaml-cpp reads from a stream: this one reads the document's own bytes, not a copy of them,
// and then `tail`, if any.
class ViewBuffer : public std::streambuf {
 public:
  ViewBuffer(std::string_view text, std::string_view tail) : tail_(tail) { show(text); }

 protected:
  int_type underflow() override {
    if (tail_.empty()) return traits_type::eof();
    show(tail_);
    tail_ = {};
    return traits_type::to_int_type(*gptr());
  }

 private:
  void show(std::string_view text) {
    char* p = const_cast<char*>(text.data());  // only ever read
    setg(p, p, p + text.size());
  }
  std::string_view tail_;
};

// Thrown through yaml-cpp's parser by the handler, once it has filled the error.
struct Stop {};

bool starts_with(std::string_view text, size_t at, std::string_view prefix) {
  return at <= text.size() && text.substr(at, prefix.size()) == prefix;
}

}  // namespace

// Builds the tree from yaml-cpp's events with a stack of the collections still open. An anchor
// is remembered as the path of child indices from the root to its node, which stays valid
// while the tree grows; an alias copies that node. Paths share their beginnings: an anchor
// holds its parent's place and its own index, so a million anchors deep in the tree cost a
// million short records, not a million copies of the path.
class YamlTreeBuilder final : public YAML::EventHandler {
 public:
  // Parses text[begin, end) into `doc`, whose first line is line `line_base + 1` of the text.
  // `tail` is read after it, as if it were there.
  YamlTreeBuilder(YamlDocument& doc, std::string_view text, size_t begin, size_t end, int line_base,
                  const YamlLimits& limits, YamlError& error, std::string_view tail = {})
      : doc_(doc), text_(text), begin_(begin), end_(end), line_base_(line_base), tail_(tail), limits_(limits),
        error_(error) {
    utf8_ = is_utf8(text);
    bom_ = begin == 0 && utf8_ && starts_with(text_, 0, "\xEF\xBB\xBF") ? 3 : 0;
  }

  // yaml-cpp reads UTF-16 and UTF-32 after their byte order marks, as UTF-8 of its own: its
  // marks then count that text's bytes, not the file's, and the file's bytes are not looked at.
  static bool is_utf8(std::string_view text) {
    return !starts_with(text, 0, "\xFF\xFE") && !starts_with(text, 0, "\xFE\xFF") &&
           !starts_with(text, 0, std::string_view("\0\0\xFE\xFF", 4));
  }

  // Fills the document's root; false after filling the error.
  bool run() {
    ViewBuffer buffer(text_.substr(begin_, end_ - begin_), tail_);
    std::istream in(&buffer);
    try {
      YAML::Parser parser(in);
      parser.HandleNextDocument(*this);  // the first document only: what follows it is not read
    } catch (const Stop&) {
      return false;
    } catch (const YAML::ParserException& e) {
      return parse_error(e);
    } catch (const YAML::Exception& e) {
      return fail(pos_of(e.mark), "invalid YAML: " + e.msg);
    }
    doc_.root_ = root_ ? std::move(*root_) : YamlNode(YamlNode::Kind::Null, {1, 1});
    return true;
  }

  size_t nodes() const { return nodes_; }

  static bool parse_parts(YamlDocument& doc, const std::vector<YamlCut>& cuts, const YamlLimits& limits,
                          const ScalarWatch& watch);
  static std::unique_ptr<const YamlDocument> parse(std::string text, const YamlLimits& limits, YamlError& error,
                                                   size_t parts, const ScalarWatch& watch);
  void watch(const ScalarWatch& w) { watch_ = w ? &w : nullptr; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    SourcePos pos = pos_of(mark);
    if (!written_null_at(offset_of(mark))) pos = after_key().value_or(pos);
    leaf(YamlNode(YamlNode::Kind::Null, pos), anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    YamlNode node(YamlNode::Kind::Scalar, pos_of(mark));
    const size_t offset = offset_of(mark);
    node.text_ = scalar_text(offset, value);
    if (watch_ && (offset == std::string_view::npos || offset < end_)) (*watch_)(node.text_);  // not the tail's
    leaf(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override { alias(anchor, pos_of(mark)); }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(YamlNode::Kind::Sequence, pos_of(mark), anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(YamlNode::Kind::Mapping, pos_of(mark), anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

 private:
  // Where a collection is: its parent's place (none for the root) and its index there.
  struct Place {
    std::shared_ptr<const Place> parent;
    uint32_t index;
  };
  struct Frame {
    YamlNode node;
    uint32_t index = 0;                  // in its parent's children
    std::shared_ptr<const Place> place;  // made when an anchor inside it needs it
    YAML::anchor_t anchor = 0;           // yaml-cpp's number for its anchor, 0 without one
    bool flow = false;                   // written [...] or {...}
    // A large mapping's keys, for finding a duplicate quickly: "s" or "n" (null) and the text.
    std::unique_ptr<std::unordered_map<std::string, SourcePos>> keys;
  };
  // yaml-cpp numbers each declaration of an anchor (1, 2, …) and gives an alias the number of
  // the latest declaration of its name.
  struct Anchor {
    std::string name;
    bool open = true;                     // its collection has not ended yet
    std::shared_ptr<const Place> parent;  // once it has: where its parent is (none: the root)
    uint32_t index = 0;                   // and its index there
  };
  static constexpr size_t kLinearKeys = 16;  // mappings up to this size are searched for duplicates

  YamlDocument& doc_;
  std::string_view text_;  // the document's source
  size_t begin_, end_;     // the part of it parsed
  int line_base_;          // lines before that part
  std::string_view tail_;
  const YamlLimits& limits_;
  YamlError& error_;
  const ScalarWatch* watch_ = nullptr;
  bool utf8_ = true;  // the marks count the source's own bytes
  size_t bom_ = 0;    // bytes of a UTF-8 byte order mark, which the marks do not count
  std::vector<Frame> stack_;
  std::optional<YamlNode> root_;
  std::vector<Anchor> anchors_;  // by yaml-cpp's number
  std::string anchor_name_;      // the name OnAnchor gave, for the node event that follows
  size_t nodes_ = 0;
  std::vector<uint32_t> path_;  // scratch for resolve()

  SourcePos pos_of(const YAML::Mark& mark) const {
    if (mark.is_null()) return {};
    return {mark.line + 1 + line_base_, mark.column + 1};
  }
  size_t offset_of(const YAML::Mark& mark) const {
    return utf8_ && !mark.is_null() ? begin_ + static_cast<size_t>(mark.pos) + bom_ : std::string_view::npos;
  }

  bool fail(SourcePos pos, std::string message) {
    error_ = {pos, std::move(message)};
    return false;
  }
  // From inside an event: the error, then out of the parser.
  [[noreturn]] void stop(SourcePos pos, std::string message) {
    fail(pos, std::move(message));
    throw Stop{};
  }
  [[noreturn]] void too_deep(SourcePos pos) {
    stop(pos, fmt::format("the document nests deeper than {} levels", limits_.max_depth));
  }

  void count(size_t n, SourcePos pos) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes)
      stop(pos, fmt::format("the document has more than {} nodes once its aliases are expanded", limits_.max_nodes));
  }

  // A view of the source's own bytes when the scalar at `at` (its first byte, or its opening
  // quote) is written there as it is, else of a copy the document keeps.
  std::string_view scalar_text(size_t at, const std::string& value) {
    if (value.empty()) return {};
    if (at < text_.size() && (text_[at] == '"' || text_[at] == '\'')) ++at;
    if (at < text_.size() && text_.size() - at >= value.size() && text_.compare(at, value.size(), value) == 0)
      return text_.substr(at, value.size());
    return doc_.owned_.emplace_back(value);
  }

  // Whether a null event's mark is at a null written out (~, null) or at its anchor or tag;
  // else the value is missing, and yaml-cpp's mark is at whatever follows.
  bool written_null_at(size_t at) const {
    if (at >= text_.size()) return false;
    for (std::string_view s : {"~", "null", "Null", "NULL", "&", "!"})
      if (starts_with(text_, at, s)) return true;
    return false;
  }

  // Just after the ':' that follows the open mapping's last key, where a missing value is; the
  // key must be a scalar written on one line as it is.
  std::optional<SourcePos> after_key() const {
    if (stack_.empty() || !stack_.back().node.is_mapping() || stack_.back().node.children_.size() % 2 == 0)
      return std::nullopt;
    const YamlNode& key = stack_.back().node.children_.back();
    const char* data = key.text_.data();
    if (!key.is_scalar() || key.text_.empty() || data < text_.data() || data + key.text_.size() > text_.data() + text_.size())
      return std::nullopt;
    size_t i = static_cast<size_t>(data - text_.data()) + key.text_.size();
    if (i < text_.size() && (text_[i] == '"' || text_[i] == '\'')) ++i;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
    if (i >= text_.size() || text_[i] != ':') return std::nullopt;
    return SourcePos{key.line_, static_cast<int>(i + 1 - line_start(i)) + 1};
  }

  // The offset where the line holding offset `at` begins.
  size_t line_start(size_t at) const {
    const size_t nl = at == 0 ? std::string_view::npos : text_.rfind('\n', at - 1);
    return nl == std::string_view::npos || nl + 1 < begin_ ? begin_ + bom_ : nl + 1;
  }

  bool parse_error(const YAML::ParserException& e) {
    const size_t at = offset_of(e.mark);
    const SourcePos pos = pos_of(e.mark);
    if (std::string_view(e.msg).substr(0, std::strlen(YAML::ErrorMsg::UNKNOWN_ANCHOR)) == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
      const std::string name = alias_name(at);
      return fail(pos, fmt::format("alias '*{}' names no anchor before it ('&{}')", name, name));
    }
    std::string message = "invalid YAML: " + e.msg;
    if (const std::optional<SourcePos> tab = tab_in_indent(at, pos))
      return fail(*tab, message + " (a tab: YAML indents with spaces only)");
    if (!stack_.empty()) {
      const Frame& f = stack_.back();
      const SourcePos from = f.node.pos();
      const char* what = f.node.is_mapping() ? (f.flow ? "flow mapping" : "mapping") : (f.flow ? "flow list" : "list");
      if (from.line != pos.line || from.column != pos.column)
        message += fmt::format(" (in the {} from {}:{})", what, from.line, from.column);
    }
    return fail(pos, message);
  }

  // The name of the alias at `at` ('*name').
  std::string alias_name(size_t at) const {
    if (at >= text_.size() || text_[at] != '*') return "?";
    size_t end = at + 1;
    while (end < text_.size() && std::string_view(" \t\r\n,[]{}").find(text_[end]) == std::string_view::npos) ++end;
    return std::string(text_.substr(at + 1, end - at - 1));
  }

  // The first tab in the indentation of the line of an error; yaml-cpp reports what the tab
  // did to the structure, further on.
  std::optional<SourcePos> tab_in_indent(size_t at, SourcePos pos) const {
    if (at > text_.size()) return std::nullopt;
    const size_t start = line_start(std::min(at, text_.size()));
    for (size_t i = start; i < text_.size() && (text_[i] == ' ' || text_[i] == '\t'); ++i)
      if (text_[i] == '\t') return SourcePos{pos.line, static_cast<int>(i - start) + 1};
    return std::nullopt;
  }

  Anchor& declare(YAML::anchor_t id) {
    if (anchors_.size() <= id) anchors_.resize(id + 1);
    Anchor& a = anchors_[id];
    a.name = std::move(anchor_name_);
    anchor_name_.clear();
    a.open = true;
    return a;
  }

  void leaf(YamlNode&& node, YAML::anchor_t anchor) {
    count(1, node.pos());
    if (anchor) declare(anchor);
    add(std::move(node), anchor);
  }

  void open(YamlNode::Kind kind, SourcePos pos, YAML::anchor_t anchor, bool flow) {
    count(1, pos);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) too_deep(pos);
    Frame frame;
    frame.node = YamlNode(kind, pos);
    frame.index = stack_.empty() ? 0 : static_cast<uint32_t>(stack_.back().node.children_.size());
    frame.flow = flow;
    if (anchor) {
      declare(anchor);
      frame.anchor = anchor;
    }
    stack_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(frame.node), frame.anchor);
  }

  // Adds a finished node to the open collection (or makes it the root) and records where its
  // anchor is, if it has one. (An anchored root is never used: the document ends with it.)
  void add(YamlNode&& node, YAML::anchor_t anchor = 0) {
    if (!stack_.empty()) {
      Frame& top = stack_.back();
      if (top.node.is_mapping() && top.node.children_.size() % 2 == 0) unique_key(top, node);
    }
    if (anchor && !stack_.empty()) {
      Anchor& a = anchors_[anchor];
      a.open = false;
      a.parent = place_of(stack_.size() - 1);
      a.index = static_cast<uint32_t>(stack_.back().node.children_.size());
    }
    if (stack_.empty()) root_ = std::move(node);
    else stack_.back().node.children_.push_back(std::move(node));
  }

  void unique_key(Frame& map, const YamlNode& key) {
    if (!key.is_scalar() && !key.is_null()) return;  // a list or mapping as a key is not compared
    auto twice = [&](SourcePos at) {
      stop(key.pos(), key.is_null() ? fmt::format("duplicate null key (first at {}:{})", at.line, at.column)
                                    : fmt::format("duplicate key '{}' (first at {}:{})", key.text(), at.line, at.column));
    };
    auto id = [](const YamlNode& k) { return (k.is_null() ? std::string("n") : std::string("s")).append(k.text()); };
    const std::vector<YamlNode>& flat = map.node.children_;
    if (!map.keys) {
      for (size_t i = 0; i < flat.size(); i += 2)
        if (flat[i].kind() == key.kind() && flat[i].text() == key.text()) twice(flat[i].pos());
      if (flat.size() / 2 < kLinearKeys) return;
      map.keys = std::make_unique<std::unordered_map<std::string, SourcePos>>();
      for (size_t i = 0; i < flat.size(); i += 2)
        if (flat[i].is_scalar() || flat[i].is_null()) map.keys->emplace(id(flat[i]), flat[i].pos());
    }
    const auto [it, added] = map.keys->emplace(id(key), key.pos());
    if (!added) twice(it->second);
  }

  // The place of the open collection stack_[i]; the root's is none.
  std::shared_ptr<const Place> place_of(size_t i) {
    if (i == 0) return nullptr;
    if (!stack_[i].place) stack_[i].place = std::make_shared<const Place>(Place{place_of(i - 1), stack_[i].index});
    return stack_[i].place;
  }

  // The node an anchor leads to: through the collections still open, then their children.
  const YamlNode& resolve(const Anchor& anchor) {
    std::vector<uint32_t>& path = path_;
    path.assign(1, anchor.index);
    for (const Place* p = anchor.parent.get(); p; p = p->parent.get()) path.push_back(p->index);
    std::reverse(path.begin(), path.end());
    const YamlNode* node = &stack_[0].node;  // an alias is inside the root, which is open
    bool open = true;
    for (size_t d = 0; d < path.size(); ++d) {
      if (open && d + 1 < stack_.size() && stack_[d + 1].index == path[d]) {
        node = &stack_[d + 1].node;
      } else {
        open = false;
        node = &node->children_[path[d]];
      }
    }
    return *node;
  }

  void alias(YAML::anchor_t id, SourcePos pos) {
    if (id == 0 || id >= anchors_.size() || stack_.empty())  // (yaml-cpp refuses an unknown name itself)
      stop(pos, "an alias names no anchor before it");
    const Anchor& a = anchors_[id];
    if (a.open) stop(pos, fmt::format("alias '*{}' is inside the node it names", a.name));
    YamlNode copy;
    copy_tree(resolve(a), copy, static_cast<int>(stack_.size()), pos);
    copy.line_ = pos.line, copy.column_ = pos.column;  // the copy is where the alias is
    add(std::move(copy));
  }

  // Copies `from` at `depth`, counting its nodes against the limits; the alias' position
  // names any limit passed.
  void copy_tree(const YamlNode& from, YamlNode& to, int depth, SourcePos alias_pos) {
    count(1, alias_pos);
    if ((from.is_sequence() || from.is_mapping()) && depth >= limits_.max_depth) too_deep(alias_pos);
    to.kind_ = from.kind_;
    to.line_ = from.line_;
    to.column_ = from.column_;
    to.text_ = from.text_;
    to.children_.resize(from.children_.size());
    for (size_t i = 0; i < from.children_.size(); ++i) copy_tree(from.children_[i], to.children_[i], depth + 1, alias_pos);
  }
};

constexpr size_t kBytesPerPart = 256 * 1024;  // smaller texts are parsed in one part

// The parts of `doc`'s source cut at `cuts` parsed at once, the first on this thread: the first
// part is the text up to the second item of its `content:` list, the others lists of items
// added to it. Each part but the last is read with one more item after it, a line just like the
// one the next part begins with: if the parser reads that line as an item of the content list,
// the whole text's parse reads the cut line as one too (yaml-cpp reads an unclosed quote or
// flow list at the end of a text without a word, so a cut inside one shows only this way).
// false, with the document as it was, when a cut is not between two items, when any part
// fails (an alias to an anchor of another part, or whatever the whole text's parse will
// report), or when the limits are passed.
bool YamlTreeBuilder::parse_parts(YamlDocument& doc, const std::vector<YamlCut>& cuts, const YamlLimits& limits,
                                  const ScalarWatch& watch) {
  static constexpr std::string_view kEnd = "leafpress.part.end.7c1e";
  const std::string_view text = doc.source_;
  const size_t n = cuts.size() + 1;
  std::vector<std::unique_ptr<YamlDocument>> docs;
  for (size_t i = 1; i < n; ++i) docs.push_back(std::unique_ptr<YamlDocument>(new YamlDocument("")));
  std::vector<YamlError> errors(n);
  std::vector<char> ok(n, 0);
  std::vector<size_t> nodes(n, 0);
  // A part's items are at level 2 of the whole (root mapping, content list, item), at level 1
  // of the part (a list, its item).
  const YamlLimits inner{limits.max_depth - 1, limits.max_nodes};
  const std::string tail = std::string(cuts[0].indent, ' ') + "- " + std::string(kEnd) + "\n";
  auto parse = [&](size_t i) {
    YamlDocument& into = i == 0 ? doc : *docs[i - 1];
    const size_t begin = i == 0 ? 0 : cuts[i - 1].offset, end = i + 1 < n ? cuts[i].offset : text.size();
    YamlTreeBuilder b(into, text, begin, end, i == 0 ? 0 : cuts[i - 1].line - 1, i == 0 ? limits : inner, errors[i],
                      i + 1 < n ? std::string_view(tail) : std::string_view());
    b.watch(watch);
    ok[i] = b.run();
    nodes[i] = b.nodes();
  };
  std::vector<std::thread> threads;
  try {
    for (size_t i = 1; i < n; ++i) threads.emplace_back(parse, i);
  } catch (const std::system_error&) {  // no thread to spare
    for (auto& t : threads) t.join();
    return false;
  }
  parse(0);
  for (auto& t : threads) t.join();

  // The list each part's items are in, with the extra item taken off; nullptr when not so.
  auto items_of = [&](size_t i) -> YamlNode* {
    YamlNode* list = &(i == 0 ? doc : *docs[i - 1]).root_;
    if (i == 0) {
      if (!list->is_mapping() || list->children_.empty()) return nullptr;
      const YamlNode& key = list->children_[list->children_.size() - 2];
      if (!key.is_scalar() || key.text() != "content") return nullptr;
      list = &list->children_.back();
    }
    if (!list->is_sequence()) return nullptr;
    if (i + 1 == n) return list;
    if (list->children_.empty()) return nullptr;
    const YamlNode& last = list->children_.back();
    const SourcePos where = last.pos();
    if (!last.is_scalar() || last.text() != kEnd || where.line != cuts[i].line ||
        where.column != static_cast<int>(cuts[i].indent) + 3)
      return nullptr;
    list->children_.pop_back();
    return list;
  };
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) total += nodes[i] - (i + 1 < n ? 1 : 0);
  bool fits = total <= limits.max_nodes;
  std::vector<YamlNode*> lists(n, nullptr);
  for (size_t i = 0; i < n && fits; ++i) fits = ok[i] && (lists[i] = items_of(i));
  if (!fits) {
    doc.root_ = YamlNode();
    doc.owned_.clear();
    return false;
  }
  for (size_t i = 1; i < n; ++i) {
    for (YamlNode& item : lists[i]->children_) lists[0]->children_.push_back(std::move(item));
    docs[i - 1]->root_ = YamlNode();
    doc.parts_.push_back(std::move(docs[i - 1]));
  }
  return true;
}

std::unique_ptr<const YamlDocument> YamlTreeBuilder::parse(std::string text, const YamlLimits& limits, YamlError& error,
                                                           size_t parts, const ScalarWatch& watch) {
  std::unique_ptr<YamlDocument> doc(new YamlDocument(std::move(text)));
  const std::string_view source = doc->source_;
  const bool utf8 = is_utf8(source);
  if (utf8) {
    if (const auto bad = find_bad_utf8(source)) {
      error = {bad->pos, "invalid YAML: " + bad->message};
      return nullptr;
    }
    const std::vector<YamlCut> cuts = content_cuts(source, parts);
    if (!cuts.empty() && parse_parts(*doc, cuts, limits, watch)) return doc;
  }
  YamlTreeBuilder whole(*doc, source, 0, source.size(), 0, limits, error);
  whole.watch(watch);
  if (!whole.run()) return nullptr;
  return doc;
}

std::unique_ptr<const YamlDocument> parse_yaml_in_parts(std::string text, const YamlLimits& limits, YamlError& error,
                                                        size_t parts, const ScalarWatch& watch) {
  return YamlTreeBuilder::parse(std::move(text), limits, error, parts, watch);
}

std::unique_ptr<const YamlDocument> parse_yaml(std::string text, const YamlLimits& limits, YamlError& error,
                                               const ScalarWatch& watch) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t parts = std::min<size_t>({cores, 4, text.size() / kBytesPerPart + 1});
  return parse_yaml_in_parts(std::move(text), limits, error, parts, watch);
}

}  // namespace lp
