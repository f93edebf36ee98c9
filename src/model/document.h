#pragma once
// The typed report: what report.yaml says, every node with its source position.
#include <string>
#include <variant>
#include <vector>

#include "model/diagnostic.h"

namespace lp {

// A piece of inline text with one set of attributes (from inline Markdown).
struct Inline {
  std::string text;  // UTF-8
  bool bold = false;
  bool italic = false;
  std::string link;  // target URI, empty when not a link
  SourcePos pos;     // position of the scalar the text came from
};
using InlineText = std::vector<Inline>;

struct Paragraph {
  InlineText text;
  SourcePos pos;
};

struct Heading {
  InlineText text;
  SourcePos pos;
};

struct ListBlock {
  enum class Style { Bullet, Number };
  Style style = Style::Bullet;
  std::vector<InlineText> items;
  SourcePos pos;
};

struct PageBreak {
  SourcePos pos;
};

using Block = std::variant<Paragraph, Heading, ListBlock, PageBreak>;

struct Section {
  std::string id;
  InlineText title;
  std::vector<Block> blocks;
  SourcePos pos;
};

struct Cover {
  InlineText title;
  InlineText subtitle;
  InlineText tagline;
  SourcePos pos;
};

using ContentItem = std::variant<Cover, Section>;

struct ReportInfo {
  std::string title;
  std::string organisation;
  std::string short_name;
  std::string language = "en-GB";
  std::string date;  // YYYY-MM-DD
  std::vector<std::string> editions;
  std::vector<SourcePos> edition_pos;  // where each edition is named
};

struct Document {
  std::string path;  // the report file, as named on the command line
  ReportInfo info;
  std::vector<ContentItem> content;
};

// Plain text of inline runs, attributes dropped.
std::string plain_text(const InlineText& text);

}  // namespace lp
