#include "layout/paragraphs_ahead.h"

#include <memory>

namespace lp {

namespace {

constexpr size_t kLead = 32;  // enough to keep the thread busy, few enough lines held

}  // namespace

ParagraphsAhead::ParagraphsAhead(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Pt width)
    : width_(width) {
  for (const ContentItem& item : doc.content)
    if (const auto* s = std::get_if<Section>(&item))
      for (const Block& b : s->blocks)
        if (const auto* p = std::get_if<Paragraph>(&b)) {
          index_.emplace(p, paragraphs_.size());
          paragraphs_.push_back(p);
        }
  work_.emplace(paragraphs_.size(), kLead, [this, &doc, &styles, &fonts]() -> WorkAhead<Set>::Work {
    auto said = std::make_shared<Diagnostics>();
    auto setter = std::make_shared<ParagraphSetter>(fonts, *said, doc.path, doc.info.language);
    return [this, &styles, said, setter](size_t i, Set& out) {
      out.lines = setter->set(spans_of(paragraphs_[i]->text, styles.body), width_, styles.body.align);
      std::swap(out.diags, *said);
      return true;
    };
  });
}

std::optional<std::vector<Line>> ParagraphsAhead::take(const Paragraph& p, Pt width, Diagnostics& diags) {
  const auto it = index_.find(&p);
  if (it == index_.end() || width != width_) return std::nullopt;
  std::optional<Set> set = work_->take(it->second);
  if (!set) return std::nullopt;
  diags.append(set->diags);
  return std::move(set->lines);
}

}  // namespace lp
