#pragma once
// The typed report: what report.yaml says, every node with its source position.
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/diagnostic.h"
#include "model/svg.h"
#include "model/words.h"

namespace lp {

// A piece of inline text with one set of attributes (from inline Markdown).
struct Inline {
  std::string text;  // UTF-8
  bool bold = false;
  bool italic = false;
  std::string link;  // target URI, empty when not a link
  SourcePos pos;     // position of the scalar the text came from
  std::string lang;  // its language, where `<span lang="…">` gives one
};
using InlineText = std::vector<Inline>;

struct Paragraph {
  InlineText text;
  SourcePos pos;
  std::string lang;  // a BCP 47 tag, when the paragraph's language is not the report's
};

struct Heading {
  InlineText text;
  SourcePos pos;
  std::string lang;  // likewise
};

// A pictogram: one of the layout's icons (layout/icons/NAME.svg) or the report's own SVG, drawn
// in the accent colour (its currentColor).
struct Icon {
  std::string name;                              // as written; empty: none
  std::shared_ptr<const VectorPicture> picture;  // none when it could not be found or read
  SourcePos pos;
};

struct ListItem;

struct ListBlock {
  enum class Style { Bullet, Number, Check };
  Style style = Style::Bullet;
  Icon icon;  // drawn as every item's marker, in place of the style's
  std::vector<ListItem> items;
  SourcePos pos;
};

struct ListItem {
  InlineText text;
  ListBlock sublist;  // the items nested under this one; none for most
};

struct Quote {
  InlineText text;
  InlineText by;  // who said it; may be empty
  SourcePos pos;
};

// A wall of quote callouts.
struct Quotes {
  std::vector<Quote> items;
  SourcePos pos;
};

struct Image {
  std::string src;  // resolved path
  int pixel_width = 0, pixel_height = 0;
  std::shared_ptr<const VectorPicture> vector;  // an SVG, drawn as paths (no pixels)
  std::string alt;
  InlineText caption;
  SourcePos pos;
};

struct Person {
  std::string name;
  InlineText role;
  InlineText organisation;
  Image photo;  // its src empty: an initials badge is drawn
  SourcePos pos;
};

struct People {
  InlineText title;
  std::vector<Person> items;
  SourcePos pos;
};

struct TimelineEvent {
  std::string category;  // a key of the timeline's categories
  InlineText title;
  InlineText text;
  SourcePos pos;
};

struct TimelinePeriod {
  std::string label;
  std::vector<TimelineEvent> events;
  SourcePos pos;
};

struct Timeline {
  std::vector<std::pair<std::string, std::string>> categories;  // key, label, in file order
  std::vector<TimelinePeriod> periods;
  SourcePos pos;
};

// A figure: "Around 950 contacts are made …": prefix, value (a number), label; "£1.2m": a
// prefix of symbols only and a suffix, both printed as part of the figure.
struct StatItem {
  std::string prefix;
  std::string suffix;  // after the number, in its style: "%", "m"
  double value = 0;
  int decimals = 0;  // as many as the report writes: 4.5 is shown 4.5, 4.50 is 4.50
  InlineText label;
  SourcePos pos;
};

struct StatGroup {
  InlineText name;
  Icon icon;
  InlineText intro;
  std::vector<StatItem> items;
  SourcePos pos;
};

struct Stats {
  InlineText title;
  InlineText intro;
  std::vector<StatGroup> groups;
  bool band = false;  // the "at any one time" style: big numbers across the page
  SourcePos pos;
};

struct ChartBar {
  InlineText label;
  double value = 0;
  int decimals = 0;  // as written in the report
};

enum class ChartKind { Bar, Column, Donut };

struct Chart {
  ChartKind kind = ChartKind::Bar;
  InlineText title;
  std::string unit;
  std::vector<ChartBar> data;
  std::optional<double> total;
  int total_decimals = 0;  // as written in the report
  // What the remainder of a total larger than the bars' sum is called (default: the words'
  // other_sources); it is drawn as a derived bar or segment.
  std::string other;
  SourcePos pos;
};


struct Block;

struct Callout {
  InlineText title;
  std::vector<Block> blocks;
  SourcePos pos;
};

struct WordSearch {
  std::vector<std::string> words;
  unsigned seed = 1;
  int size = 0;  // grid side; 0: chosen from the words
  bool solution = true;  // the section's answers block prints the solved grid
  SourcePos pos;
};

struct QuizQuestion {
  InlineText question;
  InlineText answer;
  SourcePos pos;
};

struct Quiz {
  InlineText title;
  InlineText hint;
  InlineText answers_title;  // what the answers block calls them
  std::vector<QuizQuestion> questions;
  SourcePos pos;
};

struct SpotTheDifference {
  InlineText title;
  InlineText hint;
  InlineText answers_title;
  Image original, changed;        // the two pictures; their src may be empty
  InlineText caption;             // who is in the picture
  std::vector<InlineText> differences;
  SourcePos pos;
};

// The answers to the section's quizzes and spot-the-differences.
struct Answers {
  InlineText title;
  bool upside_down = false;  // `print: upside-down`: turned 180° at the foot of the page, unless the layout keeps them upright
  SourcePos pos;
};

struct ContactItem {
  InlineText label;
  std::string phone;
  Icon icon;
};

struct Contact {
  InlineText title;
  std::vector<ContactItem> items;
  std::string website;
  SourcePos pos;
};

// A table: a caption, a header row and rows of cells. A column whose every body cell is a
// number is right-aligned on its digits.
struct Table {
  InlineText caption;
  std::vector<InlineText> header;
  std::vector<std::vector<InlineText>> rows;  // each as long as the header
  std::vector<double> widths;                 // relative column widths; empty: shared by content
  SourcePos pos;
};

struct PageBreak {
  SourcePos pos;
};

// Display lettering: spaced capitals stacked in lines (the JAGS letters), decoration beside the
// text that says the same words.
struct Lettering {
  std::vector<std::string> lines;
  SourcePos pos;
};

using BlockVariant = std::variant<Paragraph, Heading, ListBlock, Quote, Quotes, People, Timeline, Stats, Chart, Image,
                                  Callout, WordSearch, Quiz, SpotTheDifference, Answers, Contact, Table, PageBreak,
                                  Lettering>;

struct Block : BlockVariant {
  using BlockVariant::BlockVariant;
};

struct Section {
  std::string id;
  InlineText title;
  InlineText subtitle;
  std::vector<Block> blocks;
  SourcePos pos;
};

struct Cover {
  InlineText title;
  InlineText subtitle;
  InlineText tagline;
  InlineText organisation;
  Image artwork;  // its src empty: none
  SourcePos pos;
};

struct NotesPage {
  InlineText title;
  SourcePos pos;
};

struct ContentsPage {
  InlineText title;
  SourcePos pos;
};

struct BackCover {
  std::vector<Block> blocks;
  SourcePos pos;
};

using ContentItem = std::variant<Cover, NotesPage, ContentsPage, Section, BackCover>;

struct ReportInfo {
  std::string title;
  std::string organisation;
  std::string short_name;
  std::string language = "en-GB";
  std::string date;  // YYYY-MM-DD
  std::vector<std::string> editions;   // as listed; with none listed, the built-in ones are built
  std::vector<SourcePos> edition_pos;  // where each edition is named
  bool editions_listed = false;        // the report has an 'editions' key (an empty list is an error)
  Words words;                         // what leafpress prints itself: the language's, or the report's own
};

struct Document {
  std::string path;  // the report file, as named on the command line
  ReportInfo info;
  std::vector<ContentItem> content;
};

// Plain text of inline runs, attributes dropped.
std::string plain_text(const InlineText& text);

}  // namespace lp
