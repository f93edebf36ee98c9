// The generality corpus (tests/generality/corpus.yaml, written by make_corpus.py) is bigger than
// the NSCP report in every dimension. Laid out in each edition, it must give no diagnostic; every
// page's frame tree must keep its content inside the page's frame (artifacts inside the page and
// its bleed) and its tags balanced; every source text must be printed exactly once; and no page but
// the last of a section may be less than a quarter full. The fill of every page is printed.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include "layout/flow.h"
#include "test_support.h"

namespace lp {
namespace {

constexpr double kSlack = 0.5;      // points
constexpr size_t kMostReported = 40;  // failures printed per test; the rest are counted

struct Laid {
  Document doc;
  StyleSheet st;
  DisplayList list;
  std::vector<Diagnostic> diags;
};

const Laid& laid(const std::string& edition) {
  static std::map<std::string, std::unique_ptr<Laid>> cache;
  auto& slot = cache[edition];
  if (!slot) {
    slot = std::make_unique<Laid>();
    Diagnostics d;
    slot->doc = load_report(test::source("tests/generality/corpus.yaml"), d, "", {test::source("layout/icons")});
    slot->doc.path = "corpus.yaml";
    slot->st = resolve_styles(load_edition(test::source("layout/" + edition + ".yaml"), d));
    if (!d.has_errors()) slot->list = lay_out(slot->doc, slot->st, test::project_fonts(), d);
    slot->diags = d.all();
  }
  return *slot;
}

// ---- Walking a page's frame tree -------------------------------------------------------------

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

Transform compose(const Transform& outer, const Transform& inner) {
  Transform t;
  t.a = outer.a * inner.a + outer.c * inner.b;
  t.b = outer.b * inner.a + outer.d * inner.b;
  t.c = outer.a * inner.c + outer.c * inner.d;
  t.d = outer.b * inner.c + outer.d * inner.d;
  t.e = Pt(outer.a * inner.e.value + outer.c * inner.f.value + outer.e.value);
  t.f = Pt(outer.b * inner.e.value + outer.d * inner.f.value + outer.f.value);
  return t;
}

// The box around the four corners of `b` mapped by `t`.
Box map_box(const Transform& t, const Box& b) {
  Box out{1e18, 1e18, -1e18, -1e18};
  for (double x : {b.x0, b.x1})
    for (double y : {b.y0, b.y1}) {
      const double px = t.a * x + t.c * y + t.e.value, py = t.b * x + t.d * y + t.f.value;
      out.x0 = std::min(out.x0, px), out.y0 = std::min(out.y0, py);
      out.x1 = std::max(out.x1, px), out.y1 = std::max(out.y1, py);
    }
  return out;
}

Box ops_box(const std::vector<PathOp>& ops) {
  Box b{1e18, 1e18, -1e18, -1e18};
  auto add = [&](Pt x, Pt y) {
    b.x0 = std::min(b.x0, x.value), b.y0 = std::min(b.y0, y.value);
    b.x1 = std::max(b.x1, x.value), b.y1 = std::max(b.y1, y.value);
  };
  for (const auto& op : ops) {
    if (op.kind == PathOp::Kind::Close) continue;
    add(op.x1, op.y1);
    if (op.kind == PathOp::Kind::CurveTo) add(op.x2, op.y2), add(op.x3, op.y3);
  }
  return b;
}

std::string run_text(const GlyphRun& run) { return run.text; }

// One drawn item as the page sees it.
struct Drawn {
  const char* kind;
  Box box;
  bool artifact;
  std::string text;  // a glyph run's
  double size = 0;   // a glyph run's font size
  double x_end = 0, baseline = 0;
};

struct PageWalk {
  std::vector<Drawn> drawn;
  std::vector<std::string> tag_errors;
  std::vector<uint32_t> sections;  // ids of the sections begun on the page
};

const char* role_name(Role r) {
  static const char* names[] = {"section", "heading", "paragraph", "list", "list-item", "label", "list-body", "quote",
                                "figure", "caption", "table", "table-row", "table-header", "table-cell", "link",
                                "contents", "contents-entry", "artifact"};
  return names[static_cast<int>(r)];
}

void walk(const std::vector<FrameItem>& items, const Transform& t, const std::optional<Box>& clip,
          std::vector<TagItem>& open, PageWalk& out) {
  auto in_artifact = [&] {
    return std::any_of(open.begin(), open.end(), [](const TagItem& tag) { return tag.role == Role::Artifact; });
  };
  auto clipped = [&](Box b) {
    if (clip) b.x0 = std::max(b.x0, clip->x0), b.y0 = std::max(b.y0, clip->y0), b.x1 = std::min(b.x1, clip->x1),
              b.y1 = std::min(b.y1, clip->y1);
    return b;
  };
  for (const auto& item : items) {
    if (const auto* g = std::get_if<GlyphRunItem>(&item)) {
      const double s = g->run.size.value;
      const Box local{g->x.value, g->y.value - 0.8 * s, (g->x + g->run.width()).value, g->y.value + 0.25 * s};
      const Box page = map_box(t, local);
      Drawn d{"text", clipped(page), in_artifact(), run_text(g->run), s, 0, 0};
      d.x_end = page.x1;
      d.baseline = t.b * g->x.value + t.d * g->y.value + t.f.value;
      out.drawn.push_back(std::move(d));
    } else if (const auto* p = std::get_if<PathItem>(&item)) {
      if (!p->ops.empty()) out.drawn.push_back({"path", clipped(map_box(t, ops_box(p->ops))), in_artifact(), {}});
    } else if (const auto* im = std::get_if<ImageItem>(&item)) {
      const Box local{im->x.value, im->y.value, (im->x + im->width).value, (im->y + im->height).value};
      out.drawn.push_back({"image", clipped(map_box(t, local)), in_artifact(), im->path});
    } else if (const auto* tag = std::get_if<TagItem>(&item)) {
      if (tag->start) {
        if (tag->role == Role::Section) out.sections.push_back(tag->id);
        open.push_back(*tag);
      } else if (open.empty()) {
        out.tag_errors.push_back(std::string("end ") + role_name(tag->role) + " #" + std::to_string(tag->id) +
                                 " with nothing open");
      } else {
        const TagItem& top = open.back();
        const bool match = top.role == tag->role && (tag->role == Role::Artifact || top.id == tag->id);
        if (!match)
          out.tag_errors.push_back(std::string("end ") + role_name(tag->role) + " #" + std::to_string(tag->id) +
                                   " while " + role_name(top.role) + " #" + std::to_string(top.id) + " is open");
        open.pop_back();
      }
    } else if (const auto* grp = std::get_if<GroupItem>(&item)) {
      const Transform inner = compose(t, grp->transform);
      std::optional<Box> c = clip;
      if (grp->clip && !grp->clip->empty()) {
        Box b = map_box(inner, ops_box(*grp->clip));
        if (c) b.x0 = std::max(b.x0, c->x0), b.y0 = std::max(b.y0, c->y0), b.x1 = std::min(b.x1, c->x1),
               b.y1 = std::min(b.y1, c->y1);
        c = b;
      }
      walk(grp->items, inner, c, open, out);
    }
  }
}

PageWalk walk_page(const Page& page) {
  PageWalk out;
  std::vector<TagItem> open;
  walk(page.items, Transform{}, std::nullopt, open, out);
  for (const auto& tag : open)
    out.tag_errors.push_back(std::string("begin ") + role_name(tag.role) + " #" + std::to_string(tag.id) +
                             " never ended");
  return out;
}

// The page's text in item order: runs on one baseline that touch are joined, others spaced.
std::string page_text(const PageWalk& w) {
  std::string out;
  const Drawn* prev = nullptr;
  for (const auto& d : w.drawn) {
    if (std::string(d.kind) != "text") continue;
    const bool touching = prev && std::abs(prev->baseline - d.baseline) < 0.5 && std::abs(d.box.x0 - prev->x_end) < 0.15 * d.size;
    if (!out.empty() && !touching) out += ' ';
    out += d.text;
    prev = &d;
  }
  std::string lower = out;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return lower;
}

std::string fmt2(double v) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(2) << v;
  return s.str();
}

std::string box_str(const Box& b) {
  return "[" + fmt2(b.x0) + ", " + fmt2(b.y0) + " .. " + fmt2(b.x1) + ", " + fmt2(b.y1) + "]";
}

std::string clip_text(const std::string& s, size_t n = 60) { return s.size() <= n ? s : s.substr(0, n) + "…"; }

// The first and last serial markers on a page: which blocks it holds.
std::string markers_on(const std::string& text) {
  static const std::regex marker("\\b[a-z]+[0-9]{3}\\b");
  std::string first, last;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), marker); it != std::sregex_iterator(); ++it) {
    if (first.empty()) first = it->str();
    last = it->str();
  }
  return first.empty() ? "no markers" : first + " … " + last;
}

// Counts `needle` in `hay` where it is not part of a longer word (ASCII letters and digits).
size_t count_word(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    const bool before = at > 0 && std::isalnum(static_cast<unsigned char>(hay[at - 1]));
    const size_t end = at + needle.size();
    const bool after = end < hay.size() && std::isalnum(static_cast<unsigned char>(hay[end]));
    if (!before && !after) ++n;
  }
  return n;
}

std::string lower_ascii(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// Collects failures, prints the first kMostReported and counts the rest.
struct Report {
  std::string edition, what;
  size_t count = 0;
  void add(const std::string& message) {
    if (++count <= kMostReported) ADD_FAILURE() << edition << ": " << message;
  }
  ~Report() {
    if (count > kMostReported) ADD_FAILURE() << edition << ": … and " << count - kMostReported << " more " << what;
  }
};

class Generality : public ::testing::TestWithParam<std::string> {};

TEST_P(Generality, NoDiagnostics) {
  const Laid& l = laid(GetParam());
  for (const auto& d : l.diags) ADD_FAILURE() << GetParam() << ": " << format_diagnostic(d);
  EXPECT_FALSE(l.list.pages.empty());
}

TEST_P(Generality, ContentStaysInTheFrameAndArtifactsInTheBleed) {
  const Laid& l = laid(GetParam());
  const PageGeometry& g = l.st.page;
  Report report{GetParam(), "items outside"};
  for (size_t i = 0; i < l.list.pages.size(); ++i) {
    const PageWalk w = walk_page(l.list.pages[i]);
    const bool right_hand = i % 2 == 0;  // page index 0 is a right-hand page: its inside margin on the left
    const Box frame{(right_hand ? g.margin_inside : g.margin_outside).value, g.margin_top.value,
                    (g.width - (right_hand ? g.margin_outside : g.margin_inside)).value, (g.height - g.margin_bottom).value};
    const Box bleed{-g.bleed.value, -g.bleed.value, (g.width + g.bleed).value, (g.height + g.bleed).value};
    for (const auto& d : w.drawn) {
      const Box& lim = d.artifact ? bleed : frame;
      const Box& b = d.box;
      if (b.x1 < b.x0 || b.y1 < b.y0) continue;  // clipped away
      if (b.x0 < lim.x0 - kSlack || b.y0 < lim.y0 - kSlack || b.x1 > lim.x1 + kSlack || b.y1 > lim.y1 + kSlack)
        report.add("page " + std::to_string(i + 1) + ": " + (d.artifact ? "artifact " : "") + d.kind + " " +
                   box_str(b) + " outside the " + (d.artifact ? "page and bleed " : "frame ") + box_str(lim) +
                   (d.text.empty() ? "" : " \"" + clip_text(d.text) + "\""));
    }
  }
}

TEST_P(Generality, TagsAreBalancedOnEveryPage) {
  const Laid& l = laid(GetParam());
  Report report{GetParam(), "tag errors"};
  for (size_t i = 0; i < l.list.pages.size(); ++i)
    for (const auto& e : walk_page(l.list.pages[i]).tag_errors) report.add("page " + std::to_string(i + 1) + ": " + e);
}

TEST_P(Generality, EverySourceTextAppearsExactlyOnce) {
  const Laid& l = laid(GetParam());
  std::vector<std::string> texts;
  for (const auto& page : l.list.pages) texts.push_back(page_text(walk_page(page)));
  // What to find: the serial markers of the source, the word-search words, names and phone numbers.
  std::ifstream in(test::source("tests/generality/corpus.yaml"));
  std::stringstream src;
  src << in.rdbuf();
  const std::string source = src.str();
  std::vector<std::pair<std::string, std::string>> needles;  // kind, text (lowercase)
  static const std::regex marker("\\b([a-z]+)[0-9]{3}\\b");
  for (auto it = std::sregex_iterator(source.begin(), source.end(), marker); it != std::sregex_iterator(); ++it)
    needles.emplace_back((*it)[1].str(), it->str());
  ASSERT_GT(needles.size(), 1000u);
  auto add_blocks = [&](const std::vector<Block>& blocks) {
    for (const auto& b : blocks) {
      if (const auto* ws = std::get_if<WordSearch>(&b))
        for (const auto& w : ws->words) needles.emplace_back("word-search word", lower_ascii(w));
      if (const auto* p = std::get_if<People>(&b))
        for (const auto& person : p->items) needles.emplace_back("name", lower_ascii(person.name));
      if (const auto* c = std::get_if<Contact>(&b)) {
        for (const auto& item : c->items) needles.emplace_back("phone", item.phone);
        if (!c->website.empty()) needles.emplace_back("website", lower_ascii(c->website));
      }
    }
  };
  for (const auto& item : l.doc.content) {
    if (const auto* s = std::get_if<Section>(&item)) add_blocks(s->blocks);
    if (const auto* b = std::get_if<BackCover>(&item)) add_blocks(b->blocks);
  }
  Report report{GetParam(), "texts not found exactly once"};
  std::map<std::string, std::pair<size_t, size_t>> by_kind;  // kind: missing, repeated
  std::map<std::string, size_t> total;
  for (const auto& [kind, needle] : needles) {
    size_t n = 0;
    std::string where;
    for (size_t p = 0; p < texts.size(); ++p)
      if (const size_t k = count_word(texts[p], needle)) {
        n += k;
        where += (where.empty() ? "" : ", ") + std::to_string(p + 1) + (k > 1 ? "×" + std::to_string(k) : "");
      }
    ++total[kind];
    if (n == 1) continue;
    (n == 0 ? by_kind[kind].first : by_kind[kind].second)++;
    report.add("'" + needle + "' (" + kind + ") is printed " + std::to_string(n) + " times" +
               (where.empty() ? "" : " (pages " + where + ")"));
  }
  for (const auto& [kind, counts] : by_kind)
    ADD_FAILURE() << GetParam() << ": " << kind << ": " << counts.first << " of " << total[kind] << " missing, "
                  << counts.second << " printed more than once";
}

TEST_P(Generality, NoPageButTheLastOfASectionIsLessThanAQuarterFull) {
  const Laid& l = laid(GetParam());
  const PageGeometry& g = l.st.page;
  const double frame_height = (g.height - g.margin_top - g.margin_bottom).value;
  std::vector<PageWalk> walks;
  std::map<uint32_t, size_t> last_page_of;  // a section's id: the last page it reaches
  for (size_t i = 0; i < l.list.pages.size(); ++i) {
    walks.push_back(walk_page(l.list.pages[i]));
    for (uint32_t id : walks.back().sections) last_page_of[id] = i;
  }
  std::ostringstream line;
  line << GetParam() << " fill:";
  std::vector<std::string> exempt;
  Report report{GetParam(), "pages less than a quarter full"};
  for (size_t i = 0; i < walks.size(); ++i) {
    double bottom = g.margin_top.value;
    for (const auto& d : walks[i].drawn)
      if (!d.artifact && d.box.y1 >= d.box.y0) bottom = std::max(bottom, d.box.y1);
    const double fill = (bottom - g.margin_top.value) / frame_height;
    line << " " << i + 1 << ":" << fmt2(fill);
    // Cover, notes, contents and back cover hold no section; the last page of a section may be short.
    bool free = walks[i].sections.empty();
    for (uint32_t id : walks[i].sections) free = free || last_page_of[id] == i;
    if (free) {
      exempt.push_back(std::to_string(i + 1));
      continue;
    }
    if (fill < 0.25)
      report.add("page " + std::to_string(i + 1) + " is " + fmt2(fill) + " full (" +
                 markers_on(page_text(walks[i])) + ")");
  }
  std::cout << line.str() << "\n";
  std::string ex;
  for (const auto& e : exempt) ex += " " + e;
  std::cout << GetParam() << " pages that may be short (no section, or a section's last):" << ex << "\n";
  // Which blocks each page holds, to read the fill figures by.
  for (size_t i = 0; i < walks.size(); ++i)
    std::cout << GetParam() << " page " << i + 1 << ": " << markers_on(page_text(walks[i])) << "\n";
}

INSTANTIATE_TEST_SUITE_P(Editions, Generality, ::testing::Values("booklet", "large-print", "screen"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace lp
