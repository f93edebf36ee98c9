#pragma once
// A YAML document as a tree of plain values, built from yaml-cpp's parser events
// (YAML::Parser::HandleNextDocument with an EventHandler), not from yaml-cpp's own YAML::Node:
// that tree makes an alias a second reference to the anchored node, so a change through one
// path shows through the other, and it costs several times this one to build. Here an alias is
// expanded into a copy of the anchored subtree: every node has one parent, and the limits below
// bound what the copies may cost.
//
// A scalar's text is a view: of the file's own bytes when they are the scalar's text (most
// are: plain or quoted without escapes, on one line), else of a string the document keeps.
// So the tree does not copy the file again; the views live as long as their YamlDocument.
// Internal to src/model: nothing outside this stage sees yaml-cpp or this tree.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace lp {

class YamlNode;

// A mapping's pair: references into the mapping, valid as long as it is.
struct YamlEntry {
  const YamlNode& key;
  const YamlNode& value;
};

class YamlNode {
 public:
  // Null: a plain ~, null, Null, NULL or nothing at all, without a tag (YAML 1.2's core schema,
  // as yaml-cpp reads it); a quoted "null" is a scalar.
  enum class Kind : std::uint8_t { Null, Scalar, Sequence, Mapping };

  YamlNode() = default;
  YamlNode(Kind kind, SourcePos pos) : kind_(kind), line_(pos.line), column_(pos.column) {}
  // Not copied by accident: a copy's text would still point into its document.
  YamlNode(const YamlNode&) = delete;
  YamlNode& operator=(const YamlNode&) = delete;
  YamlNode(YamlNode&&) noexcept = default;
  YamlNode& operator=(YamlNode&&) noexcept = default;

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_scalar() const { return kind_ == Kind::Scalar; }
  bool is_sequence() const { return kind_ == Kind::Sequence; }
  bool is_mapping() const { return kind_ == Kind::Mapping; }

  // Line and column (1-based; the column counts bytes) where the node starts, its anchor or
  // tag included.
  SourcePos pos() const { return {line_, column_}; }
  // Which file the node was read from, when a tree is merged from several (merge_yaml); 0
  // otherwise.
  uint16_t file() const { return file_; }
  // A scalar's text as the document means it (quotes and escapes resolved); "" for the others.
  std::string_view text() const { return text_; }

  // A sequence's items; empty for the others.
  const std::vector<YamlNode>& items() const { return kind_ == Kind::Sequence ? children_ : no_children(); }

  // A mapping's pairs in document order; empty for the others.
  class Entries {
   public:
    class iterator {
     public:
      explicit iterator(const YamlNode* at) : at_(at) {}
      YamlEntry operator*() const { return {at_[0], at_[1]}; }
      iterator& operator++() {
        at_ += 2;
        return *this;
      }
      bool operator==(const iterator& other) const { return at_ == other.at_; }
      bool operator!=(const iterator& other) const { return at_ != other.at_; }

     private:
      const YamlNode* at_;
    };
    explicit Entries(const std::vector<YamlNode>& flat) : flat_(flat) {}
    iterator begin() const { return iterator(flat_.data()); }
    iterator end() const { return iterator(flat_.data() + flat_.size()); }
    size_t size() const { return flat_.size() / 2; }
    bool empty() const { return flat_.empty(); }
    YamlEntry operator[](size_t i) const { return {flat_[2 * i], flat_[2 * i + 1]}; }

   private:
    const std::vector<YamlNode>& flat_;
  };
  Entries entries() const { return Entries(kind_ == Kind::Mapping ? children_ : no_children()); }

  // The value of a mapping's entry whose key is the scalar `key`; nullptr when there is none
  // or this is not a mapping. A null key (~) is not the text "~" or "null".
  const YamlNode* find(std::string_view key) const;

  // Items of a sequence, entries of a mapping, 0 otherwise.
  size_t size() const { return kind_ == Kind::Mapping ? children_.size() / 2 : kind_ == Kind::Sequence ? children_.size() : 0; }

 private:
  friend class YamlTreeBuilder;
  friend class YamlMerger;
  static const std::vector<YamlNode>& no_children();

  Kind kind_ = Kind::Null;
  uint16_t file_ = 0;
  int line_ = 0;
  int column_ = 0;
  std::string_view text_;
  // A sequence's items; a mapping's keys and values, alternately.
  std::vector<YamlNode> children_;
};

// (model/yaml_reader.h has the values every input is read with.)
struct YamlLimits {
  int max_depth;     // the root is level 0; a mapping or list at this level is an error
  size_t max_nodes;  // nodes of the tree, keys included, with every alias expanded
};

struct YamlError {
  SourcePos pos;
  std::string message;
};

// A parsed file: its tree, and the text the tree's scalars are views of.
class YamlDocument {
 public:
  const YamlNode& root() const { return root_; }
  // How many parts the text was parsed in, at once (1: as a whole).
  size_t parts() const { return parts_.size() + 1; }

  YamlDocument(const YamlDocument&) = delete;
  YamlDocument& operator=(const YamlDocument&) = delete;

 private:
  friend class YamlTreeBuilder;
  friend class YamlMerger;
  explicit YamlDocument(std::string source) : source_(std::move(source)) {}

  const std::string source_;
  std::deque<std::string> owned_;  // scalars' text that is not a run of the source's bytes
  YamlNode root_;
  // Parsed in parts: the other parts' documents, which keep their scalars' text (their source
  // is this one's).
  std::vector<std::unique_ptr<const YamlDocument>> parts_;
};

// Called with each scalar's text as the parser meets it, from the thread parsing its part (so
// possibly several at once), before the tree is whole: for work that can start early. A text
// whose parse in parts falls back to one whole parse shows the first parts' scalars again.
using ScalarWatch = std::function<void(std::string_view text)>;

// The first document of `text` (a later one is not read); its root is null, at 1:1, for a
// stream without one. nullptr after filling `error`: bytes that are not UTF-8 or not allowed in
// YAML (model/utf8_check.h), invalid YAML, an alias to an unknown anchor or inside the node it
// names, a duplicate key, or a limit passed.
std::unique_ptr<const YamlDocument> parse_yaml(std::string text, const YamlLimits& limits, YamlError& error,
                                               const ScalarWatch& watch = {});

// The same, with the text cut into at most `parts` parts parsed at once (model/yaml_split.h):
// the same tree and the same errors. parse_yaml() cuts a large text into as many parts as the
// machine has cores, up to four.
std::unique_ptr<const YamlDocument> parse_yaml_in_parts(std::string text, const YamlLimits& limits, YamlError& error,
                                                        size_t parts, const ScalarWatch& watch = {});

// `over`'s tree merged over `base`'s, as a layout that `extends:` another is read: two mappings
// merge key by key (keys in base's order, then over's new ones), at every depth; anything else
// in `over` replaces what `base` has there whole. `over`'s top-level key `drop` is left out.
// Nodes from `over` are marked as of file `over_file`; base's keep their marks, or take
// `base_file` when it is given. The result keeps both documents, whose text it shares.
std::unique_ptr<const YamlDocument> merge_yaml(std::unique_ptr<const YamlDocument> base,
                                               std::unique_ptr<const YamlDocument> over, uint16_t over_file,
                                               std::string_view drop, std::optional<uint16_t> base_file = {});

}  // namespace lp
