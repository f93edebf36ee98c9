#include "layout/sections_ahead.h"

#include <memory>
#include <string>

#include "layout/page_flow.h"

namespace lp {

namespace {

// How far ahead of the flow the thread may begin a section, in blocks: about 40 pages of a
// report's prose, what its frames hold at most however long the sections are.
constexpr size_t kLeadBlocks = 400;

// The quote colours a block uses (quote.cpp: one per quote), as the report writes it: the
// guess the thread starts a section at. A wrong guess only costs the flow the section.
size_t quote_colours(const Block& b) {
  if (std::get_if<Quote>(&b)) return 1;
  if (const auto* q = std::get_if<Quotes>(&b)) return q->items.size();
  size_t n = 0;
  if (const auto* c = std::get_if<Callout>(&b))
    for (const Block& inner : c->blocks) n += quote_colours(inner);
  return n;
}

}  // namespace

SectionsAhead::SectionsAhead(const Document& doc, const StyleSheet& styles, const FontSet& fonts,
                             std::function<Regions(bool right_hand)> fresh)
    : fresh_(std::move(fresh)) {
  size_t quotes = 0;
  std::vector<size_t> blocks;
  unit_of_.assign(doc.content.size(), std::string::npos);
  for (size_t i = 0; i < doc.content.size(); ++i)
    if (const auto* s = std::get_if<Section>(&doc.content[i])) {
      unit_of_[i] = sections_.size();
      sections_.push_back(s);
      quote_before_.push_back(quotes);
      blocks.push_back(s->blocks.size() + 1);
      for (const Block& b : s->blocks) quotes += quote_colours(b);
    }
  work_.emplace(sections_.size(), kLeadBlocks, [this, &doc, &styles, &fonts]() -> WorkAhead<SectionLaidOut>::Work {
    auto said = std::make_shared<Diagnostics>();
    auto setter = std::make_shared<ParagraphSetter>(fonts, *said, doc.path, doc.info.language);
    return [this, &doc, &styles, said, setter](size_t i, SectionLaidOut& out) {
      LayoutContext ctx(doc, styles, *setter, *said);
      ctx.next_id = out.id_base = 1;
      ctx.quote_colour = out.quote_start = quote_before_[i];
      out.right_hand = true;  // so right-hand-page sections are; for the rest a guess
      Regions regions = fresh_(out.right_hand);
      regions.hand_asked = &out.hand_asked;
      out.frames.clear();
      Frame last = flow_section(*sections_[i], ctx, regions, [&](Frame&& f) { out.frames.push_back(std::move(f)); });
      out.frames.push_back(std::move(last));
      out.id_end = ctx.next_id;
      out.quote_end = ctx.quote_colour;
      std::swap(out.diags, *said);  // the slot's were empty
      return true;
    };
  }, std::move(blocks));
}

std::optional<SectionLaidOut> SectionsAhead::take(size_t index, bool right_hand, size_t quote_colour) {
  if (index >= unit_of_.size() || unit_of_[index] == std::string::npos) return std::nullopt;
  std::optional<SectionLaidOut> s = work_->take(unit_of_[index]);
  if (!s) return std::nullopt;
  if (s->hand_asked && s->right_hand != right_hand) return std::nullopt;
  if (s->quote_end != s->quote_start && s->quote_start != quote_colour) return std::nullopt;
  return s;
}

void renumber(std::vector<FrameItem>& items, uint32_t base, uint32_t offset) {
  for (FrameItem& item : items) {
    if (auto* tag = std::get_if<TagItem>(&item)) {
      if (tag->id >= base) tag->id += offset;
    } else if (auto* group = std::get_if<GroupItem>(&item)) {
      renumber(group->items, base, offset);
    }
  }
}

}  // namespace lp
