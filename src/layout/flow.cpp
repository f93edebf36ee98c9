#include "layout/flow.h"

#include <fmt/format.h>

#include "text/paragraph.h"

namespace lp {

namespace {

class Flow {
 public:
  Flow(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags)
      : doc_(doc), st_(styles), setter_(fonts, diags, doc.path, doc.info.language) {
    list_.geometry = styles.page;
    list_.cmyk = styles.cmyk;
    list_.title = doc.info.title;
    list_.author = doc.info.organisation;
    list_.language = doc.info.language;
    list_.date = doc.info.date;
  }

  DisplayList run() {
    for (const auto& item : doc_.content) {
      if (const auto* cover = std::get_if<Cover>(&item)) lay_out_cover(*cover);
      if (const auto* section = std::get_if<Section>(&item)) lay_out_section(*section);
    }
    if (list_.pages.empty()) new_page(true);
    pad_pages();
    add_footers();
    return std::move(list_);
  }

 private:
  const Document& doc_;
  const StyleSheet& st_;
  ParagraphSetter setter_;
  DisplayList list_;
  std::vector<bool> has_footer_;
  Pt y_;                  // the cursor, from the top of the trim
  bool at_top_ = true;    // nothing placed in the frame of this page yet

  const PageGeometry& geo() const { return st_.page; }
  bool right_hand() const { return list_.pages.size() % 2 == 1; }  // page 1 is a right-hand page
  Pt frame_left() const { return right_hand() ? geo().margin_inside : geo().margin_outside; }
  Pt frame_width() const { return geo().width - geo().margin_inside - geo().margin_outside; }
  Pt frame_bottom() const { return geo().height - geo().margin_bottom; }
  Page& page() { return list_.pages.back(); }

  void new_page(bool footer) {
    list_.pages.push_back(Page{std::to_string(list_.pages.size() + 1), {}});
    has_footer_.push_back(footer);
    y_ = geo().margin_top;
    at_top_ = true;
  }

  void ensure_room(Pt height) {
    if (list_.pages.empty() || (!at_top_ && y_ + height > frame_bottom())) new_page(true);
  }

  void space(Pt amount) {
    if (!at_top_) y_ += amount;
  }

  std::vector<TextSpan> spans(const InlineText& text, const TextStyle& style) {
    std::vector<TextSpan> out;
    for (const auto& run : text) out.push_back({run.text, &style, run.bold, run.italic, run.link, run.pos});
    return out;
  }

  void place_line(const Line& line, Pt x) {
    for (const auto& r : line.runs) {
      page().items.push_back(GlyphRunItem{x + r.x, y_ + line.baseline, r.run});
      if (!r.run.link.empty())
        page().items.push_back(LinkItem{x + r.x, y_, r.run.width(), line.height, r.run.link});
    }
    y_ += line.height;
    at_top_ = false;
  }

  // Lines of a block; `keep` more lines of what follows must fit with the last of them.
  void place_lines(const std::vector<Line>& lines, Pt indent, Pt keep = Pt(0)) {
    for (size_t i = 0; i < lines.size(); ++i) {
      ensure_room(lines[i].height + (i + 1 == lines.size() ? keep : Pt(0)));
      place_line(lines[i], frame_left() + indent);
    }
  }

  void paragraph(const InlineText& text, const TextStyle& style, Pt keep = Pt(0)) {
    space(style.space_before);
    place_lines(setter_.set(spans(text, style), frame_width(), style.align), Pt(0), keep);
    y_ += style.space_after;
  }

  void lay_out_cover(const Cover& cover) {
    new_page(false);
    const Pt bleed = geo().bleed;
    // A band of the title colour across the foot of the cover, into the bleed.
    PathItem band = PathItem::rect(-bleed, geo().height * 0.78, geo().width + bleed * 2, geo().height * 0.22 + bleed);
    band.fill = st_.section_title.colour;
    page().items.push_back(band);
    y_ = geo().height * 0.22;
    paragraph(cover.title, st_.cover_title);
    paragraph(cover.subtitle, st_.cover_subtitle);
    paragraph(cover.tagline, st_.cover_tagline);
    at_top_ = true;
  }

  void section_band() {
    const Pt bleed = geo().bleed;
    PathItem band = PathItem::rect(-bleed, -bleed, geo().width + bleed * 2, bleed + geo().margin_top * 0.45);
    band.fill = st_.section_title.colour;
    page().items.push_back(band);
  }

  void lay_out_section(const Section& s) {
    if (st_.sections_on_new_page || list_.pages.empty()) {
      new_page(true);
      section_band();
    }
    paragraph(s.title, st_.section_title, st_.body.leading * 2);
    for (const auto& block : s.blocks) std::visit([&](const auto& b) { lay_out_block(b); }, block);
  }

  void lay_out_block(const Paragraph& p) { paragraph(p.text, st_.body); }
  void lay_out_block(const Heading& h) { paragraph(h.text, st_.heading, st_.body.leading * 2); }
  void lay_out_block(const PageBreak&) { new_page(true); }

  void lay_out_block(const ListBlock& l) {
    const TextStyle& style = st_.list_item;
    const Pt indent = style.size * 1.4;
    space(style.space_before);
    for (size_t i = 0; i < l.items.size(); ++i) {
      const std::string marker = l.style == ListBlock::Style::Bullet ? "\u2022" : fmt::format("{}.", i + 1);
      std::vector<Line> lines = setter_.set(spans(l.items[i], style), frame_width() - indent, style.align);
      if (lines.empty()) continue;
      ensure_room(lines.front().height);
      Line mark = setter_.set_line({TextSpan{marker, &style, false, false, "", l.pos}});
      for (const auto& r : mark.runs) page().items.push_back(GlyphRunItem{frame_left() + r.x, y_ + lines.front().baseline, r.run});
      place_lines(lines, indent);
      y_ += style.space_after;
    }
  }

  void pad_pages() {
    while (list_.pages.size() % st_.pad_to_multiple != 0) {
      new_page(false);
      InlineText title{Inline{"Notes", false, false, "", {}}};
      paragraph(title, st_.section_title);
      for (Pt y = y_ + st_.body.leading * 2; y < frame_bottom(); y += st_.body.leading * 2) {
        PathItem rule = PathItem::line(frame_left(), y, frame_left() + frame_width(), y);
        rule.stroke = st_.footer.colour;
        rule.line_width = Pt(0.5);
        page().items.push_back(rule);
      }
    }
  }

  void add_footers() {
    const TextStyle& style = st_.footer;
    for (size_t i = 0; i < list_.pages.size(); ++i) {
      if (!has_footer_[i]) continue;
      Page& pg = list_.pages[i];
      const bool right = i % 2 == 0;  // page i + 1 odd: right-hand
      const Pt baseline = geo().height - geo().margin_bottom / 2;
      const Pt left = right ? geo().margin_inside : geo().margin_outside;
      const Pt right_edge = geo().width - (right ? geo().margin_outside : geo().margin_inside);
      Line number = setter_.set_line({TextSpan{pg.label, &style, false, false, "", {}}});
      Line title = setter_.set_line({TextSpan{doc_.info.short_name, &style, false, false, "", {}}});
      // The number at the outside corner, the short title at the inside.
      const Pt number_x = right ? right_edge - number.width : left;
      const Pt title_x = right ? left : right_edge - title.width;
      for (const auto& r : number.runs) pg.items.push_back(GlyphRunItem{number_x + r.x, baseline, r.run});
      for (const auto& r : title.runs) pg.items.push_back(GlyphRunItem{title_x + r.x, baseline, r.run});
    }
  }
};

}  // namespace

DisplayList lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags) {
  return Flow(doc, styles, fonts, diags).run();
}

}  // namespace lp
