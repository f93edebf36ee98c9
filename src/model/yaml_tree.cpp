#include "model/yaml_tree.h"

#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_map>

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

// libyaml's marks count characters from the start of a line (line breaks: \n, \r, \r\n, and
// U+0085, U+2028, U+2029); diagnostics count bytes, as they did with yaml-cpp. Marks arrive in
// document order, so the text is walked forward once.
class ByteColumns {
 public:
  explicit ByteColumns(std::string_view text) : text_(text) {
    auto starts = [&](std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; };
    // libyaml reads UTF-16 only after its byte order mark; its columns are then all we have.
    utf8_ = !starts("\xFF\xFE") && !starts("\xFE\xFF");
    if (starts("\xEF\xBB\xBF")) first_ = 3;  // a UTF-8 byte order mark is not counted
    restart();
  }

  // libyaml's 0-based line and character column as a 1-based line and byte column.
  SourcePos pos(const yaml_mark_t& mark) {
    const SourcePos chars{static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
    if (!utf8_) return chars;
    if (mark.line < line_) restart();
    else if (mark.line == line_ && mark.column < column_) column_ = 0, at_ = line_start_;
    while (line_ < mark.line)
      if (!next_line()) return chars;
    while (column_ < mark.column && at_ < text_.size()) at_ += width(text_[at_]), ++column_;
    return {chars.line, static_cast<int>(at_ - line_start_) + 1};
  }

  // The offset of the position pos() found last; npos when unknown.
  size_t offset_of_last() const { return utf8_ ? at_ : std::string_view::npos; }
  // The byte there; 0 when unknown or at the end.
  char char_at_last() const { return utf8_ && at_ < text_.size() ? text_[at_] : '\0'; }

  // The position of a byte offset (libyaml's reader reports one for bad UTF-8).
  SourcePos pos_of_offset(size_t offset) {
    if (!utf8_) return {};
    restart();
    if (offset < first_) return {1, 1};
    while (true) {
      const size_t line_start = line_start_;
      const size_t line = line_;
      if (!next_line() || line_start_ > offset) return {static_cast<int>(line) + 1, static_cast<int>(offset - line_start) + 1};
    }
  }

 private:
  static size_t width(char c) {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
  }
  void restart() { line_ = 0, line_start_ = first_, column_ = 0, at_ = first_; }
  // Moves to the start of the next line; false at the end of the text.
  bool next_line() {
    // From the character the last column reached: there is no line break before it.
    for (size_t i = at_; i < text_.size(); ++i) {
      size_t after = 0;
      const char c = text_[i];
      if (c != '\n' && c != '\r' && c != '\xC2' && c != '\xE2') continue;
      if (c == '\n') after = i + 1;
      else if (c == '\r') after = i + 1 < text_.size() && text_[i + 1] == '\n' ? i + 2 : i + 1;
      else if (text_.compare(i, 2, "\xC2\x85") == 0) after = i + 2;
      else if (text_.compare(i, 3, "\xE2\x80\xA8") == 0 || text_.compare(i, 3, "\xE2\x80\xA9") == 0) after = i + 3;
      else continue;
      ++line_, line_start_ = after, column_ = 0, at_ = after;
      return true;
    }
    return false;
  }

  std::string_view text_;
  bool utf8_ = true;
  size_t first_ = 0;
  size_t line_ = 0, line_start_ = 0;  // a line and the offset where it starts
  size_t column_ = 0, at_ = 0;        // a character column on that line and its offset
};

struct ParserHandle {
  yaml_parser_t parser;
  ParserHandle() { yaml_parser_initialize(&parser); }
  ~ParserHandle() { yaml_parser_delete(&parser); }
  ParserHandle(const ParserHandle&) = delete;
  ParserHandle& operator=(const ParserHandle&) = delete;
};

struct EventHandle {
  yaml_event_t event;
  bool live = false;
  ~EventHandle() { clear(); }
  void clear() {
    if (live) yaml_event_delete(&event);
    live = false;
  }
};

}  // namespace

// Builds the tree from libyaml's events with a stack of the collections still open. An anchor
// is remembered as the path of child indices from the root to its node, which stays valid
// while the tree grows; an alias copies that node. Paths share their beginnings: an anchor
// holds its parent's path and its own index, so a million anchors deep in the tree cost a
// million short records, not a million copies of the path.
class YamlTreeBuilder {
 public:
  YamlTreeBuilder(std::string text, const YamlLimits& limits, YamlError& error)
      : doc_(new YamlDocument(std::move(text))), text_(doc_->source_), limits_(limits), error_(error), columns_(text_) {}

  std::unique_ptr<const YamlDocument> run() {
    ParserHandle p;
    yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text_.data()), text_.size());
    EventHandle e;
    while (true) {
      e.clear();
      if (!yaml_parser_parse(&p.parser, &e.event)) return parse_error(p.parser);
      e.live = true;
      const yaml_event_t& ev = e.event;
      switch (ev.type) {
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_END_EVENT:
          // The first document only: what follows it is not read.
          doc_->root_ = root_ ? std::move(*root_) : YamlNode(YamlNode::Kind::Null, {1, 1});
          return std::move(doc_);
        case YAML_SCALAR_EVENT: {
          const auto& s = ev.data.scalar;
          const char* value = reinterpret_cast<const char*>(s.value);
          const std::string_view text(value, s.length);
          const bool null = !s.tag && s.style == YAML_PLAIN_SCALAR_STYLE &&
                            (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL");
          YamlNode node(null ? YamlNode::Kind::Null : YamlNode::Kind::Scalar, columns_.pos(ev.start_mark));
          if (!null) node.text_ = scalar_text(text, s.style);
          if (!count(1, node.pos())) return nullptr;
          if (!add(std::move(node), s.anchor ? ++serials_ : 0, name_of(s.anchor))) return nullptr;
          break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
          const bool seq = ev.type == YAML_SEQUENCE_START_EVENT;
          const SourcePos pos = columns_.pos(ev.start_mark);
          if (!count(1, pos)) return nullptr;
          if (static_cast<int>(stack_.size()) >= limits_.max_depth) return too_deep(pos);
          open(YamlNode(seq ? YamlNode::Kind::Sequence : YamlNode::Kind::Mapping, pos),
               seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor);
          break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
          Frame frame = std::move(stack_.back());
          stack_.pop_back();
          if (!add(std::move(frame.node), frame.anchor, frame.anchor_name)) return nullptr;
          break;
        }
        case YAML_ALIAS_EVENT:
          if (!alias(reinterpret_cast<const char*>(ev.data.alias.anchor), columns_.pos(ev.start_mark)))
            return nullptr;
          break;
        default:  // stream and document start, no event
          break;
      }
    }
  }

 private:
  // Where a collection is: its parent's place (none for the root) and its index there.
  struct Place {
    std::shared_ptr<const Place> parent;
    uint32_t index;
  };
  struct Frame {
    YamlNode node;
    uint32_t index = 0;      // in its parent's children
    std::shared_ptr<const Place> place;  // made when an anchor inside it needs it
    uint64_t anchor = 0;     // the serial of its anchor, 0 without one
    std::string anchor_name;
    // A large mapping's keys, for finding a duplicate quickly: "s" or "n" (null) and the text.
    std::unique_ptr<std::unordered_map<std::string, SourcePos>> keys;
  };
  struct Anchor {
    uint64_t serial = 0;                  // which declaration of the name this is
    bool open = true;                     // its collection has not ended yet
    std::shared_ptr<const Place> parent;  // once it has: where its parent is (none: the root)
    uint32_t index = 0;                   // and its index there
  };
  static constexpr size_t kLinearKeys = 16;  // mappings up to this size are searched for duplicates

  std::unique_ptr<YamlDocument> doc_;
  std::string_view text_;  // the document's source
  const YamlLimits& limits_;
  YamlError& error_;
  ByteColumns columns_;
  std::vector<Frame> stack_;
  std::optional<YamlNode> root_;
  std::unordered_map<std::string, Anchor> anchors_;
  uint64_t serials_ = 0;
  size_t nodes_ = 0;
  std::vector<uint32_t> path_;  // scratch for resolve()

  static std::string_view name_of(const unsigned char* anchor) {
    return anchor ? std::string_view(reinterpret_cast<const char*>(anchor)) : std::string_view();
  }

  std::nullptr_t fail(SourcePos pos, std::string message) {
    error_ = {pos, std::move(message)};
    return nullptr;
  }

  std::nullptr_t too_deep(SourcePos pos) {
    return fail(pos, fmt::format("the document nests deeper than {} levels", limits_.max_depth));
  }

  bool count(size_t n, SourcePos pos) {
    nodes_ += n;
    if (nodes_ <= limits_.max_nodes) return true;
    fail(pos, fmt::format("the document has more than {} nodes once its aliases are expanded", limits_.max_nodes));
    return false;
  }

  // A view of the source's own bytes when the scalar just found (its start mark was the last
  // position asked for) is written there as they are, else of a copy the document keeps.
  std::string_view scalar_text(std::string_view value, yaml_scalar_style_t style) {
    if (value.empty()) return {};
    size_t at = columns_.offset_of_last();
    if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) ++at;
    else if (style != YAML_PLAIN_SCALAR_STYLE) at = std::string_view::npos;
    if (at < text_.size() && text_.size() - at >= value.size() && text_.compare(at, value.size(), value) == 0)
      return text_.substr(at, value.size());
    return doc_->owned_.emplace_back(value);
  }

  std::nullptr_t parse_error(const yaml_parser_t& p) {
    const char* problem = p.problem ? p.problem : "cannot be read";
    if (p.error == YAML_MEMORY_ERROR) return fail({}, "invalid YAML: out of memory");
    if (p.error == YAML_READER_ERROR) {
      // problem_value is a byte for the UTF-8 errors and a character for the others.
      std::string what = problem;
      if (p.problem_value != -1)
        what += std::string_view(problem).find("octet") != std::string_view::npos
                    ? fmt::format(" (byte 0x{:02X})", p.problem_value)
                    : fmt::format(" (U+{:04X})", p.problem_value);
      return fail(columns_.pos_of_offset(p.problem_offset), "invalid YAML: " + what);
    }
    std::string message = fmt::format("invalid YAML: {}", problem);
    const SourcePos context = p.context ? columns_.pos(p.context_mark) : SourcePos{};
    const SourcePos at = columns_.pos(p.problem_mark);
    if (columns_.char_at_last() == '\t') message += " (a tab: YAML indents with spaces only)";
    // "while parsing a flow mapping", with where it began; at the problem itself it says nothing.
    if (p.context && (context.line != at.line || context.column != at.column))
      message += fmt::format(" ({}, from {}:{})", p.context, context.line, context.column);
    return fail(at, message);
  }

  void open(YamlNode node, const unsigned char* anchor) {
    Frame frame;
    frame.node = std::move(node);
    frame.index = stack_.empty() ? 0 : static_cast<uint32_t>(stack_.back().node.children_.size());
    if (anchor) {
      frame.anchor = ++serials_;
      frame.anchor_name = name_of(anchor);
      anchors_[frame.anchor_name] = Anchor{frame.anchor, true, {}};
    }
    stack_.push_back(std::move(frame));
  }

  // Adds a finished node to the open collection (or makes it the root) and records where its
  // anchor is, if it has one: declaration `serial` of `anchor` (0: none).
  bool add(YamlNode&& node, uint64_t serial = 0, std::string_view anchor = {}) {
    if (!stack_.empty()) {
      Frame& top = stack_.back();
      if (top.node.is_mapping() && top.node.children_.size() % 2 == 0 && !unique_key(top, node)) return false;
    }
    if (serial) {
      Anchor& a = anchors_[std::string(anchor)];
      // A collection's anchor is declared when it opens: if the name was declared again inside
      // it, that later declaration is the one an alias after it means.
      // (An anchored root is never used: the document ends with it.)
      if (a.serial <= serial && !stack_.empty()) {
        a.serial = serial;
        a.open = false;
        a.parent = place_of(stack_.size() - 1);
        a.index = static_cast<uint32_t>(stack_.back().node.children_.size());
      }
    }
    if (stack_.empty()) root_ = std::move(node);
    else stack_.back().node.children_.push_back(std::move(node));
    return true;
  }

  bool unique_key(Frame& map, const YamlNode& key) {
    if (!key.is_scalar() && !key.is_null()) return true;  // a list or mapping as a key is not compared
    auto first = [&](SourcePos at) {
      fail(key.pos(), key.is_null() ? fmt::format("duplicate null key (first at {}:{})", at.line, at.column)
                                    : fmt::format("duplicate key '{}' (first at {}:{})", key.text(), at.line, at.column));
      return false;
    };
    auto id = [](const YamlNode& k) { return (k.is_null() ? std::string("n") : std::string("s")).append(k.text()); };
    const std::vector<YamlNode>& flat = map.node.children_;
    if (!map.keys) {
      for (size_t i = 0; i < flat.size(); i += 2)
        if (flat[i].kind() == key.kind() && flat[i].text() == key.text()) return first(flat[i].pos());
      if (flat.size() / 2 < kLinearKeys) return true;
      map.keys = std::make_unique<std::unordered_map<std::string, SourcePos>>();
      for (size_t i = 0; i < flat.size(); i += 2)
        if (flat[i].is_scalar() || flat[i].is_null()) map.keys->emplace(id(flat[i]), flat[i].pos());
    }
    const auto [it, added] = map.keys->emplace(id(key), key.pos());
    return added || first(it->second);
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

  bool alias(const char* name, SourcePos pos) {
    const auto it = anchors_.find(name);
    if (it == anchors_.end() || stack_.empty()) {  // (the root cannot be an alias of its own part)
      fail(pos, fmt::format("alias '*{}' names no anchor before it ('&{}')", name, name));
      return false;
    }
    if (it->second.open) {
      fail(pos, fmt::format("alias '*{}' is inside the node it names", name));
      return false;
    }
    YamlNode copy;
    if (!copy_tree(resolve(it->second), copy, static_cast<int>(stack_.size()), pos)) return false;
    copy.line_ = pos.line, copy.column_ = pos.column;  // the copy is where the alias is
    return add(std::move(copy));
  }

  // Copies `from` at `depth`, counting its nodes against the limits; the alias' position
  // names any limit passed.
  bool copy_tree(const YamlNode& from, YamlNode& to, int depth, SourcePos alias_pos) {
    if (!count(1, alias_pos)) return false;
    if ((from.is_sequence() || from.is_mapping()) && depth >= limits_.max_depth) {
      too_deep(alias_pos);
      return false;
    }
    to.kind_ = from.kind_;
    to.line_ = from.line_;
    to.column_ = from.column_;
    to.text_ = from.text_;
    to.children_.resize(from.children_.size());
    for (size_t i = 0; i < from.children_.size(); ++i)
      if (!copy_tree(from.children_[i], to.children_[i], depth + 1, alias_pos)) return false;
    return true;
  }
};

std::unique_ptr<const YamlDocument> parse_yaml(std::string text, const YamlLimits& limits, YamlError& error) {
  return YamlTreeBuilder(std::move(text), limits, error).run();
}

}  // namespace lp
